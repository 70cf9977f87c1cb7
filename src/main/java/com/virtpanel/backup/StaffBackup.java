package com.virtpanel.backup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A backup as staff see it on the backups page: whose server, whether the schedule made it (the
 * day of its window) and when it was last re-read against its manifest.
 *
 * @param scheduledFor the window's day for a scheduled backup; null for the customer's own
 * @param verifiedAt   when "verify all" (or a restore) last found it intact; null: not since it was made
 */
public record StaffBackup(BackupInfo backup, long accountId, String serverName, LocalDate scheduledFor, Instant verifiedAt) {
}
