package com.virtpanel.backup;

/** What happened to backups, for the audit log. */
public final class BackupEvents {

    private BackupEvents() {
    }

    /** Any change to one backup of one server: what open server pages follow ({@link BackupUpdates}). */
    public sealed interface BackupEvent {
        long serverId();

        long backupId();
    }

    public record BackupRequested(long accountId, long serverId, long backupId) implements BackupEvent {
    }

    /** The copy of a running backup moved on: {@code percent} (0-100) is done. Not audited: it only informs open pages. */
    public record BackupProgress(long accountId, long serverId, long backupId, int percent) implements BackupEvent {
    }

    public record BackupMade(long accountId, long serverId, long backupId, String kind, long sizeBytes) implements BackupEvent {
    }

    public record BackupFailed(long accountId, long serverId, long backupId, String reason) implements BackupEvent {
    }

    /** Its file no longer matches the manifest (found by a restore's check or by "verify all"). */
    public record BackupDamaged(long accountId, long serverId, long backupId, String problem) implements BackupEvent {
    }

    public record BackupDeleted(long accountId, long serverId, long backupId) implements BackupEvent {
    }
}
