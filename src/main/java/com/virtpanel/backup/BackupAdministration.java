package com.virtpanel.backup;

import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import java.util.List;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Every customer's backups, for admins: the newest 500, and "verify all" now. */
@Service
public class BackupAdministration {

    private static final Logger log = LoggerFactory.getLogger(BackupAdministration.class);

    private final BackupRepository backups;
    private final ServerDirectory directory;
    private final Scheduler scheduler;

    BackupAdministration(BackupRepository backups, ServerDirectory directory, Scheduler scheduler) {
        this.backups = backups;
        this.directory = directory;
        this.scheduler = scheduler;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<StaffBackup> newest() {
        var names = new java.util.HashMap<Long, String>(); // a server has many backups: one lookup each
        return backups.findTop500ByOrderByCreatedAtDescIdDesc().stream()
                .map(b -> new StaffBackup(b.info(), b.getAccountId(), names.computeIfAbsent(b.getServerId(),
                        id -> directory.find(id).map(ServerRef::name).orElse("#" + id)), b.getScheduledFor(), b.getVerifiedAt()))
                .toList();
    }

    /**
     * Starts "verify all" now, on whichever instance's scheduler picks it up (one run at a time:
     * a second click while it runs waits for the first).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void verifyAllNow() {
        try {
            scheduler.triggerJob(BackupJobs.VERIFY);
        } catch (SchedulerException e) {
            log.error("Could not start verifying the backups", e);
            throw new IllegalStateException("The backup check could not be started: " + e.getMessage(), e);
        }
    }
}
