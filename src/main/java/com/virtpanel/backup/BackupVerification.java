package com.virtpanel.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Verify all": re-reads every good backup and re-hashes it against its manifest, with the same
 * check a restore makes ({@link BackupChains#check}). A damaged one is flagged (and audited), so
 * it is never restored. Each backup is held while it is read, so a delete cannot merge into it
 * meanwhile; one whose server's chain is busy is left for the next run.
 */
@Component
class BackupVerification {

    private static final Logger log = LoggerFactory.getLogger(BackupVerification.class);

    private final BackupRepository backups;
    private final BackupChains chains;

    BackupVerification(BackupRepository backups, BackupChains chains) {
        this.backups = backups;
        this.chains = chains;
    }

    /** What one run found. */
    record Result(int intact, int damaged, int skipped) {
    }

    Result verifyAll() {
        int intact = 0;
        int damaged = 0;
        int skipped = 0;
        for (Backup backup : backups.findByStatusOrderByIdAsc(BackupStatus.OK)) {
            if (!chains.tryHold(backup.getId())) {
                skipped++;
                continue;
            }
            try {
                if (chains.check(backup)) {
                    intact++;
                } else {
                    damaged++;
                }
            } catch (BackupStore.RepositoryProblem e) {
                log.warn("Backup {} of server {} could not be read: {}", backup.getId(), backup.getServerId(), e.getMessage());
                skipped++;
            } finally {
                chains.release(backup.getId());
            }
        }
        log.info("Backups verified: {} intact, {} damaged, {} left for the next run", intact, damaged, skipped);
        return new Result(intact, damaged, skipped);
    }
}
