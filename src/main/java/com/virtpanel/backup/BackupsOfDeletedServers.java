package com.virtpanel.backup;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.server.ServerDeletionVeto;
import com.virtpanel.server.ServerEvents;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a server's deletion means for its backups: refused while a job works on them (a backup,
 * or a new server being restored from one); kept for the customer when they ask, else removed
 * (files and rows) once the server is gone. Also lets go of a backup a new server was restored
 * from once that server is running or has failed.
 */
@Component
class BackupsOfDeletedServers implements ServerDeletionVeto {

    private static final Logger log = LoggerFactory.getLogger(BackupsOfDeletedServers.class);

    private final BackupRepository backups;
    private final BackupStore store;

    BackupsOfDeletedServers(BackupRepository backups, BackupStore store) {
        this.backups = backups;
        this.store = store;
    }

    @Override
    public void requireMayDelete(long serverId) {
        if (!backups.findByServerIdAndBusyServerIdNotNull(serverId).isEmpty()) {
            throw new ConflictException(UserMessage.of("error.backup.server-delete-busy"));
        }
    }

    /** In the delete's own transaction: the choice is stored with the deletion itself. */
    @EventListener
    void on(ServerEvents.DeleteRequested e) {
        if (e.keepBackups()) {
            for (Backup b : backups.findByServerIdOrderByCreatedAtDescIdDesc(e.serverId())) {
                b.keep();
                backups.save(b);
            }
        }
    }

    /** After the server is gone (persisted event: done even across a restart). */
    @ApplicationModuleListener
    void on(ServerEvents.Deleted e) {
        // newest first: an increment goes before the backup it builds on
        List<Backup> gone = backups.findByServerIdOrderByCreatedAtDescIdDesc(e.serverId()).stream()
                .filter(b -> !b.isKept())
                .sorted(Comparator.comparing(Backup::getCreatedAt).thenComparing(Backup::getId).reversed())
                .toList();
        for (Backup b : gone) {
            try {
                store.remove(e.serverId(), b.getFileName());
            } catch (BackupStore.RepositoryProblem problem) {
                log.warn("Backup file {} of deleted server {} not removed: {}", b.getFileName(), e.serverId(), problem.getMessage());
            }
            backups.delete(b);
        }
        if (!gone.isEmpty()) {
            log.info("Removed {} backups of deleted server {}", gone.size(), e.serverId());
        }
    }

    @EventListener
    void on(ServerEvents.Provisioned e) {
        releaseRestoreInto(e.serverId());
    }

    @EventListener
    void on(ServerEvents.OperationFailed e) {
        releaseRestoreInto(e.serverId());
    }

    /** A new server still being made (waiting for a slot, or provisioning): a backup it comes from stays held. */
    static boolean beingMade(com.virtpanel.server.ServerStatus status) {
        return status == com.virtpanel.server.ServerStatus.QUEUED || status == com.virtpanel.server.ServerStatus.PROVISIONING;
    }

    private void releaseRestoreInto(long newServerId) {
        for (Backup b : backups.findByRestoringInto(newServerId)) {
            b.release();
            backups.save(b);
        }
    }
}
