package com.virtpanel.backup;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Users;
import java.time.Duration;

/** Waiting, as its owner, for a backup a test started. */
final class BackupWaits {

    /** A demo guest's backup under TCG on a busy two-core host. */
    static final Duration BACKUP = Duration.ofMinutes(5);

    private BackupWaits() {
    }

    /** The backup once it no longer runs: ok, failed or damaged. */
    static BackupInfo finished(BackupService backups, AccountSummary owner, long serverId, long backupId) {
        return Await.until("backup " + backupId + " to finish", BACKUP, () -> now(backups, owner, serverId, backupId),
                b -> b.status() != BackupStatus.RUNNING);
    }

    /** The backup as its owner's list shows it now. */
    static BackupInfo now(BackupService backups, AccountSummary owner, long serverId, long backupId) {
        return Users.as(owner, () -> backups.list(serverId).stream().filter(b -> b.id() == backupId).findFirst().orElseThrow());
    }
}
