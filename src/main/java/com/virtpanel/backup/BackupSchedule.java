package com.virtpanel.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When each server's daily backup starts: the window opens at {@code start} (local time in
 * {@code zone}) and servers are spread over its {@code length} by their id, so a host does not
 * start all of them at once and each server's backup comes at the same time every day. A window
 * is named by the date on which it opens, also when it runs past midnight.
 */
record BackupSchedule(LocalTime start, Duration length, ZoneId zone) {

    BackupSchedule {
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("panel.backup.schedule.window-length must be between 1 s and 24 h, not " + length);
        }
    }

    /** The window that opened last at or before {@code now}. */
    LocalDate windowOf(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        return opens(today).isAfter(now) ? today.minusDays(1) : today;
    }

    /** When the window of {@code day} opens (a time skipped by a clock change moves on with it). */
    Instant opens(LocalDate day) {
        return day.atTime(start).atZone(zone).toInstant();
    }

    /** When the server's backup of {@code day}'s window starts: a fixed place in the window for each server. */
    Instant startOf(long serverId, LocalDate day) {
        long seconds = Math.max(1, length.toSeconds());
        return opens(day).plusSeconds(Math.floorMod(spread(serverId), seconds));
    }

    /**
     * Whether the server's backup of the current window is due: its start has come. A start the
     * panel missed (it was down) is made up as soon as it runs again, until the next window opens.
     */
    boolean due(long serverId, Instant now) {
        return !startOf(serverId, windowOf(now)).isAfter(now);
    }

    /** Neighbouring ids land far apart in the window (a multiplicative hash; stable across restarts). */
    private static long spread(long serverId) {
        long h = serverId * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
