package com.virtpanel.backup;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.host.GuestBackups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to a server's chain that keep every remaining backup restorable: deleting a backup
 * first merges what its children still read from it into them.
 */
@Component
class BackupChains {

    private static final Logger log = LoggerFactory.getLogger(BackupChains.class);

    private final BackupRepository backups;
    private final BackupStore store;
    private final GuestBackups host;
    private final BackupProperties properties;
    private final BackupEventsPublisher events;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    BackupChains(BackupRepository backups, BackupStore store, GuestBackups host, BackupProperties properties,
            BackupEventsPublisher events, TransactionTemplate tx, java.time.Clock clock) {
        this.clock = clock;
        this.backups = backups;
        this.store = store;
        this.host = host;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
    }

    /** Deletes a backup the caller holds ({@link Backup#hold}); on failure it stays, released. */
    void delete(long backupId) {
        Backup backup = backups.findById(backupId).orElseThrow();
        long serverId = backup.getServerId();
        try {
            for (Backup child : backups.findByParentId(backupId)) {
                if (child.getStatus() == BackupStatus.OK) {
                    mergeInto(child, backup);
                }
            }
            store.remove(serverId, backup.getFileName());
            tx.executeWithoutResult(s -> {
                for (Backup child : backups.findByParentId(backupId)) {
                    // a failed or damaged child reads from nothing usable any more
                    child.merged(null, child.info().sizeBytes(), child.getSha256());
                    backups.save(child);
                }
                Backup b = backups.findById(backupId).orElseThrow();
                backups.delete(b);
                events.deleted(b);
            });
        } catch (BackupStore.RepositoryProblem | IOException | PanelException e) {
            release(backupId);
            log.warn("Deleting backup {} failed: {}", backupId, e.getMessage());
            throw new ConflictException(UserMessage.of("error.backup.delete-failed", e.getMessage()));
        } catch (RuntimeException e) {
            release(backupId);
            throw e;
        }
    }

    private void mergeInto(Backup child, Backup removed) throws BackupStore.RepositoryProblem, IOException {
        long serverId = child.getServerId();
        Path childFile = store.file(serverId, child.getFileName());
        Long newParentId = removed.getParentId();
        String newParentFile = newParentId == null ? null : backups.findById(newParentId).orElseThrow().getFileName();
        host.mergeParentInto(childFile, newParentFile == null ? null : Path.of(newParentFile), properties.timeout());
        String sha256 = store.sha256(childFile);
        long size = Files.size(childFile);
        store.record(serverId, new Manifest.Entry(child.getFileName(), size, sha256, newParentFile,
                newParentId == null ? BackupKind.FULL.apiName() : BackupKind.INCREMENTAL.apiName(),
                child.getCreatedAt().toString()));
        tx.executeWithoutResult(s -> {
            Backup c = backups.findById(child.getId()).orElseThrow();
            c.merged(newParentId, size, sha256);
            backups.save(c);
        });
    }

    /** The backup's file, the top of its chain. */
    Path file(Backup backup) {
        return store.file(backup.getServerId(), backup.getFileName());
    }

    /**
     * Checks every file the backup reads from (itself and its parents) against the manifest;
     * one that does not match is flagged damaged and the restore refused.
     */
    void requireIntact(long backupId) {
        for (Long id = backupId; id != null; ) {
            Backup b = backups.findById(id).orElseThrow();
            boolean intact;
            try {
                intact = check(b);
            } catch (BackupStore.RepositoryProblem e) {
                throw new ConflictException(UserMessage.of("error.backup.unreadable", e.getMessage()));
            }
            if (!intact) {
                throw new ConflictException(UserMessage.of("error.backup.damaged"));
            }
            id = b.getParentId();
        }
    }

    /**
     * Re-reads one backup's file against the manifest, the one check that restore and "verify
     * all" share: a match is noted as verified now, a mismatch flags the backup damaged (and
     * audited), so it is never restored.
     *
     * @return whether the file matched
     * @throws BackupStore.RepositoryProblem the repository cannot be read (nothing is flagged)
     */
    boolean check(Backup b) throws BackupStore.RepositoryProblem {
        java.util.Optional<String> problem = store.verify(b.getServerId(), b.getFileName());
        long id = b.getId();
        if (problem.isEmpty()) {
            tx.executeWithoutResult(s -> backups.findById(id).ifPresent(v -> {
                v.verified(clock.instant());
                backups.save(v);
            }));
            return true;
        }
        log.error("Backup {} of server {} is damaged: {}", id, b.getServerId(), problem.get());
        tx.executeWithoutResult(s -> backups.findById(id).ifPresent(d -> {
            d.damaged(UserMessage.of("error.backup.manifest-mismatch", problem.get()));
            backups.save(d);
            events.damaged(d, problem.get());
        }));
        return false;
    }

    /**
     * Holds an existing backup for a restore, delete or check if nothing works on the server's
     * chain: false when the backup or another of the server's is held (the database decides,
     * so this holds across threads and instances).
     */
    boolean tryHold(long backupId) {
        try {
            Integer held = tx.execute(status -> backups.holdIfFree(backupId));
            return held != null && held == 1;
        } catch (DataIntegrityViolationException anotherOfTheServersIsHeld) {
            return false;
        }
    }

    void release(long backupId) {
        tx.executeWithoutResult(s -> backups.findById(backupId).ifPresent(b -> {
            b.release();
            backups.save(b);
        }));
    }
}
