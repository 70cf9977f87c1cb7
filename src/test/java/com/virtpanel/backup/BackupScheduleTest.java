package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** When each server's daily backup starts. */
class BackupScheduleTest {

    static final BackupSchedule TWO_TO_SIX_UTC = new BackupSchedule(LocalTime.of(2, 0), Duration.ofHours(4), ZoneOffset.UTC);

    @Test
    void aWindowIsNamedByTheDayItOpensOn() {
        assertThat(TWO_TO_SIX_UTC.windowOf(Instant.parse("2026-12-04T02:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(TWO_TO_SIX_UTC.windowOf(Instant.parse("2026-12-04T23:59:00Z"))).isEqualTo(LocalDate.of(2026, 12, 4));
        // before 02:00 the last window that opened is yesterday's
        assertThat(TWO_TO_SIX_UTC.windowOf(Instant.parse("2026-12-04T01:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void everyServerStartsInsideTheWindowAtTheSameTimeEveryDayAndServersAreSpread() {
        LocalDate day = LocalDate.of(2026, 12, 4);
        var starts = new HashSet<Instant>();
        LongStream.rangeClosed(1, 200).forEach(id -> {
            Instant start = TWO_TO_SIX_UTC.startOf(id, day);
            assertThat(start).isBetween(Instant.parse("2026-12-04T02:00:00Z"), Instant.parse("2026-12-04T05:59:59Z"));
            assertThat(TWO_TO_SIX_UTC.startOf(id, day.plusDays(1))).isEqualTo(start.plus(Duration.ofDays(1)));
            starts.add(start);
        });
        assertThat(starts).as("distinct start times of 200 servers").hasSizeGreaterThan(190);
        // neighbouring ids are not started one after the other
        long firstHalf = LongStream.rangeClosed(1, 200)
                .filter(id -> TWO_TO_SIX_UTC.startOf(id, day).isBefore(Instant.parse("2026-12-04T04:00:00Z"))).count();
        assertThat(firstHalf).isBetween(70L, 130L);
    }

    @Test
    void aBackupIsDueFromItsStartUntilTheNextWindowOpens() {
        long id = 42;
        Instant start = TWO_TO_SIX_UTC.startOf(id, LocalDate.of(2026, 12, 4));
        assertThat(TWO_TO_SIX_UTC.due(id, start.minusSeconds(1))).isFalse();
        assertThat(TWO_TO_SIX_UTC.due(id, start)).isTrue();
        // missed while the panel was down: made up later that day
        assertThat(TWO_TO_SIX_UTC.due(id, Instant.parse("2026-12-04T22:00:00Z"))).isTrue();
    }

    @Test
    void aWindowAcrossMidnightInAnotherZoneBelongsToTheDayItOpened() {
        var berlin = new BackupSchedule(LocalTime.of(23, 0), Duration.ofHours(3), ZoneId.of("Europe/Berlin"));
        // 00:30 in Berlin on the 5th (23:30 UTC on the 4th) is inside the window opened at 23:00 on the 4th
        assertThat(berlin.windowOf(Instant.parse("2026-12-04T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(berlin.opens(LocalDate.of(2026, 12, 4))).isEqualTo(Instant.parse("2026-12-04T22:00:00Z"));
        Instant start = berlin.startOf(7, LocalDate.of(2026, 12, 4));
        assertThat(start).isBetween(Instant.parse("2026-12-04T22:00:00Z"), Instant.parse("2026-12-05T00:59:59Z"));
    }

    @Test
    void aWindowLongerThanADayIsRefused() {
        assertThatThrownBy(() -> new BackupSchedule(LocalTime.MIDNIGHT, Duration.ofHours(25), ZoneOffset.UTC))
                .hasMessageContaining("window-length");
    }
}
