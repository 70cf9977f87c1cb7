package com.virtpanel.backup;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A server's daily backups as its owner sees them: made every day at about {@code startsAt}
 * ({@code zone}), the newest {@code slots} kept.
 */
public record DailyBackups(LocalTime startsAt, ZoneId zone, int slots) {
}
