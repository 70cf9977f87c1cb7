package com.virtpanel.backup;

import com.virtpanel.base.UserMessage;
import java.time.Instant;

/**
 * A backup as views and the API show it.
 *
 * @param consistency "crash" (the disk as at a power cut) or "filesystem" (frozen by the guest agent)
 * @param detail      why it failed or is damaged, for the customer; null otherwise
 * @param progress    how far the copy of a running backup is, 0-100 (100: copied, being checked); null when not running
 */
public record BackupInfo(long id, long serverId, Instant createdAt, BackupKind kind, long sizeBytes, String consistency,
        BackupStatus status, UserMessage detail, Integer progress) {
}
