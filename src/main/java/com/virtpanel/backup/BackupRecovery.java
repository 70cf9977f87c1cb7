package com.virtpanel.backup;

import com.virtpanel.host.GuestBackups;
import com.virtpanel.server.ServerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a panel restart no backup job of this panel is running: a backup still "running" was
 * cut off and is failed (its file removed, so nothing half-written is ever listed as good, and
 * the guest's checkpoints are left to the next backup, which then is a full one), and a delete
 * that was cut off lets go of its server. A backup a new server is still being restored from stays held.
 *
 * <p>Assumes one panel instance makes backups (several would see each other's jobs here).
 */
@Component
class BackupRecovery {

    private static final Logger log = LoggerFactory.getLogger(BackupRecovery.class);

    private final BackupRepository backups;
    private final BackupRunner runner;
    private final GuestBackups host;
    private final ServerDirectory directory;

    BackupRecovery(BackupRepository backups, BackupRunner runner, GuestBackups host, ServerDirectory directory) {
        this.backups = backups;
        this.runner = runner;
        this.host = host;
        this.directory = directory;
    }

    /**
     * Backups running when this instance stopped were cut off; only those of its host's servers:
     * another host's backups run on that host's instances, which may be running them right now.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        for (Backup b : backups.findByBusyServerIdNotNull()) {
            if (b.getStatus() == BackupStatus.RUNNING && !directory.isHere(b.getServerId())) {
                continue;
            }
            if (b.getStatus() == BackupStatus.RUNNING) {
                log.warn("Backup {} of server {} was cut off by a panel restart: failed", b.getId(), b.getServerId());
                directory.find(b.getServerId()).ifPresent(s -> host.stopBackupJob(s.domain()));
                runner.interrupted(b.getId());
            } else if (b.getRestoringInto() != null && directory.find(b.getRestoringInto())
                    .filter(s -> BackupsOfDeletedServers.beingMade(s.status())).isPresent()) {
                // a new server is still being restored from it: its operation resumes, its events let go
                log.info("Backup {} stays held for server {}, still being restored from it", b.getId(), b.getRestoringInto());
            } else {
                b.release();
                backups.save(b);
            }
        }
    }
}
