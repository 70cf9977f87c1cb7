package com.virtpanel.backup;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The plans' daily backups. Each pass (a clustered Quartz job: one instance at a time) starts
 * the backups that are due in the current window, at most panel.backup.max-parallel running at
 * once on each host (see {@link HostSlots}), and prunes scheduled backups beyond the plan's slots. The database makes each server's
 * backup of a window once, however many passes overlap. Customers' own backups ("back up now")
 * are theirs to delete: the schedule neither counts nor prunes them.
 */
@Component
class ScheduledBackups {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

    private final ServerDirectory directory;
    private final CatalogService catalog;
    private final BackupRepository backups;
    private final BackupService service;
    private final BackupChains chains;
    private final BackupProperties properties;
    private final Clock clock;

    ScheduledBackups(ServerDirectory directory, CatalogService catalog, BackupRepository backups, BackupService service,
            BackupChains chains, BackupProperties properties, Clock clock) {
        this.directory = directory;
        this.catalog = catalog;
        this.backups = backups;
        this.service = service;
        this.chains = chains;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass now; the number of backups it started (none while panel.backup.schedule.enabled is off). */
    int pass() {
        return pass(clock.instant());
    }

    /** One pass as at {@code now} (tests walk through several days' windows without waiting). */
    int pass(Instant now) {
        if (!properties.schedule().enabled()) {
            return 0;
        }
        BackupSchedule schedule = properties.schedule().window();
        LocalDate window = schedule.windowOf(now);
        HostSlots hosts = new HostSlots(properties.maxParallel(), backups.findByStatus(BackupStatus.RUNNING).stream()
                .map(b -> directory.host(b.getServerId()).orElse(null)).toList());
        Map<Long, Integer> slotsByPlan = new HashMap<>();
        int started = 0;
        for (ServerRef server : directory.live()) {
            if (server.status() != ServerStatus.RUNNING && server.status() != ServerStatus.STOPPED) {
                continue; // busy or failed: the next pass looks again
            }
            int slots = slotsByPlan.computeIfAbsent(server.planId(), id -> catalog.plan(id).backupSlots());
            prune(server.id(), slots);
            if (slots == 0 || !schedule.due(server.id(), now) || backups.existsByServerIdAndScheduledFor(server.id(), window)) {
                continue;
            }
            String host = directory.host(server.id()).orElse(null);
            if (hosts.free(host) && service.startScheduled(server, window)) {
                hosts.taken(host);
                started++;
            }
        }
        if (started > 0) {
            log.info("Scheduled backups: started {} for the window of {}", started, window);
        }
        return started;
    }

    /** Deletes the server's scheduled backups beyond its slots; one that is busy waits for a later pass. */
    private void prune(long serverId, int slots) {
        for (Backup surplus : surplus(backups.findByServerIdAndScheduledForNotNullOrderByCreatedAtDescIdDesc(serverId), slots)) {
            if (!chains.tryHold(surplus.getId())) {
                return; // a backup, restore or delete works on this server's chain now
            }
            try {
                chains.delete(surplus.getId());
                log.info("Backup {} of server {} pruned: the plan keeps {} scheduled backups", surplus.getId(), serverId, slots);
            } catch (RuntimeException e) {
                log.warn("Pruning backup {} of server {} failed: {}", surplus.getId(), serverId, e.getMessage());
                return;
            }
        }
    }

    /**
     * Which scheduled backups go, oldest first: good ones beyond the newest {@code slots}, and failed
     * ones beyond as many (a failed backup has no file; its row is kept a while so the customer
     * sees it). Damaged ones stay for staff to look at; running ones are not finished.
     *
     * @param newestFirst the server's scheduled backups, newest first
     */
    static List<Backup> surplus(List<Backup> newestFirst, int slots) {
        Stream<Backup> good = newestFirst.stream().filter(b -> b.getStatus() == BackupStatus.OK).skip(slots);
        Stream<Backup> failed = newestFirst.stream().filter(b -> b.getStatus() == BackupStatus.FAILED).skip(slots);
        return Stream.concat(good, failed).sorted((a, b) -> a.getCreatedAt().compareTo(b.getCreatedAt())).toList();
    }
}
