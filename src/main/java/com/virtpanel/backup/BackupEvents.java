package com.virtpanel.backup;

/** What happened to backups, for the audit log. */
public final class BackupEvents {

    private BackupEvents() {
    }

    public record BackupRequested(long accountId, long serverId, long backupId) {
    }

    /** The copy of a running backup moved on: {@code percent} (0-100) is done. Not audited: it only informs open pages. */
    public record BackupProgress(long accountId, long serverId, long backupId, int percent) {
    }

    public record BackupMade(long accountId, long serverId, long backupId, String kind, long sizeBytes) {
    }

    public record BackupFailed(long accountId, long serverId, long backupId, String reason) {
    }

    /** Its file no longer matches the manifest (found by a restore's check or by "verify all"). */
    public record BackupDamaged(long accountId, long serverId, long backupId, String problem) {
    }

    public record BackupDeleted(long accountId, long serverId, long backupId) {
    }
}
