package com.virtpanel.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Which resolution a range is read at, and that coarse series still reach up to now. */
@JdbcTest
class SeriesReaderTest {

    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    UsageSlice usage;

    @BeforeEach
    void setUp() {
        usage = new UsageSlice(jdbc, transactions, NOW);
    }

    Resolution forLast(Duration d) {
        return usage.reader.resolutionFor(NOW.minus(d), NOW);
    }

    @Test
    void theLastHourAndDayAreRawAWeekIsFiveMinutesAndAMonthHourly() {
        assertThat(forLast(Duration.ofHours(1))).isEqualTo(Resolution.RAW);
        assertThat(forLast(Duration.ofHours(24))).isEqualTo(Resolution.RAW);
        assertThat(forLast(Duration.ofDays(7))).isEqualTo(Resolution.FIVE_MINUTES);
        assertThat(forLast(Duration.ofDays(30))).isEqualTo(Resolution.HOURLY);
    }

    @Test
    void anHourLongAgoIsReadFromWhatIsStillKept() {
        Instant threeDaysAgo = NOW.minus(Duration.ofDays(3));
        assertThat(usage.reader.resolutionFor(threeDaysAgo, threeDaysAgo.plus(Duration.ofHours(1))))
                .isEqualTo(Resolution.FIVE_MINUTES);
        Instant twoMonthsAgo = NOW.minus(Duration.ofDays(60));
        assertThat(usage.reader.resolutionFor(twoMonthsAgo, twoMonthsAgo.plus(Duration.ofHours(1))))
                .isEqualTo(Resolution.HOURLY);
    }

    @Test
    void aWeekShowsRolledUpBucketsAndTheMinutesSinceFromRawPoints() {
        Instant start = NOW.minus(Duration.ofMinutes(30));
        usage.clock.set(start);
        for (int s = 10; s <= 1800; s += 10) {
            usage.raw(1, start.plusSeconds(s - 1), 10, s <= 900 ? 10 : 30);
        }
        usage.clock.set(NOW.minus(Duration.ofMinutes(13))); // rolls up to 11:45
        usage.rollups.rollUp();
        usage.clock.set(NOW);

        Metrics week = usage.reader.read(1, List.of(MetricType.CPU), NOW.minus(Duration.ofDays(7)), NOW);

        assertThat(week.resolution()).isEqualTo("5m");
        assertThat(week.stepSeconds()).isEqualTo(300);
        assertThat(week.series()).extracting(MetricSeries::name).containsExactly("cpu");
        assertThat(week.series(Measure.CPU).unit()).isEqualTo("percent");
        var points = week.series(Measure.CPU).points();
        assertThat(points).extracting(MetricPoint::time).containsExactly(
                Instant.parse("2025-03-10T11:30:00Z"), Instant.parse("2025-03-10T11:35:00Z"),
                Instant.parse("2025-03-10T11:40:00Z"), Instant.parse("2025-03-10T11:45:00Z"),
                Instant.parse("2025-03-10T11:50:00Z"), Instant.parse("2025-03-10T11:55:00Z"));
        assertThat(points).extracting(MetricPoint::avg).containsExactly(10.0, 10.0, 10.0, 30.0, 30.0, 30.0);
    }

    @Test
    void askingForDiskAndNetworkGivesTheirSeriesWithUnits() {
        usage.raw(1, NOW.minusSeconds(5), 10, 1);

        Metrics m = usage.reader.read(1, MetricType.parse("disk,network"), NOW.minus(Duration.ofHours(1)), NOW);

        assertThat(m.resolution()).isEqualTo("raw");
        assertThat(m.series()).extracting(MetricSeries::name)
                .containsExactly("disk_read", "disk_write", "disk_read_ops", "disk_write_ops", "net_rx", "net_tx");
        assertThat(m.series()).extracting(MetricSeries::unit).containsExactly("bytes_per_second", "bytes_per_second",
                "ops_per_second", "ops_per_second", "bits_per_second", "bits_per_second");
        assertThat(m.series(Measure.NET_RX).points()).singleElement()
                .satisfies(p -> assertThat(p.time()).isEqualTo(NOW.minusSeconds(5)));
    }
}
