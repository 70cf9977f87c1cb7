package com.virtpanel.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.backup.*: where backups go, how many are made at once, when scheduled ones run and how
 * often all of them are re-checked.
 *
 * @param dir            the repository: a local directory or a mounted share (default ${panel.storage.dir}/backups)
 * @param maxParallel    backups running at once on this panel instance; more wait their turn. The
 *                       schedule starts no more than this many at once on each host, across all instances.
 * @param timeout        a backup job still running after this long is stopped and counts as failed
 * @param schedule       the daily window of scheduled backups
 * @param verifyInterval how often every backup is re-read and re-hashed against its manifest
 */
@ConfigurationProperties("panel.backup")
record BackupProperties(Path dir, @DefaultValue("2") int maxParallel, @DefaultValue("6h") Duration timeout,
        @DefaultValue Schedule schedule, @DefaultValue("7d") Duration verifyInterval) {

    /**
     * @param enabled       make the plans' daily backups (off: only customers' own)
     * @param windowStart   when the daily window opens, in {@code windowZone}
     * @param windowLength  servers' start times are spread over this long
     * @param windowZone    the time zone of {@code windowStart}
     * @param checkInterval how often due backups are looked for (and old ones pruned)
     */
    record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("02:00") LocalTime windowStart,
            @DefaultValue("4h") Duration windowLength, @DefaultValue("UTC") ZoneId windowZone,
            @DefaultValue("1m") Duration checkInterval) {

        BackupSchedule window() {
            return new BackupSchedule(windowStart, windowLength, windowZone);
        }
    }
}
