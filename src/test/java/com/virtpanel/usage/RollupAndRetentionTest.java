package com.virtpanel.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Rollups and pruning against the real schema (H2 through Flyway), with a clock the test moves. */
@JdbcTest
class RollupAndRetentionTest {

    static final Instant NOON = Instant.parse("2025-03-10T12:00:00Z");
    static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    UsageSlice usage;

    @BeforeEach
    void setUp() {
        usage = new UsageSlice(jdbc, transactions, NOON);
    }

    List<StoredPoint> all(Resolution r, long serverId) {
        return usage.store.points(r, serverId, FAR_PAST, FAR_FUTURE);
    }

    @Test
    void fiveMinuteBucketsHoldTimeWeightedAveragesAndMaxima() {
        usage.raw(1, NOON.plusSeconds(10), 10, 10);
        usage.raw(1, NOON.plusSeconds(20), 10, 30);
        usage.raw(1, NOON.plusSeconds(40), 20, 60); // a late sample covers twice the time
        usage.clock.set(NOON.plus(Duration.ofMinutes(7)));

        usage.rollups.rollUp();

        var buckets = all(Resolution.FIVE_MINUTES, 1);
        assertThat(buckets).hasSize(1);
        assertThat(buckets.get(0).ts()).isEqualTo(NOON);
        assertThat(buckets.get(0).avg()[Measure.CPU.ordinal()]).isCloseTo((10 * 10 + 30 * 10 + 60 * 20) / 40.0, within(1e-9));
        assertThat(buckets.get(0).max()[Measure.NET_TX.ordinal()]).isEqualTo(60);
        assertThat(buckets.get(0).coveredSeconds()).isEqualTo(40);
    }

    @Test
    void aBucketIsRolledUpOnlyOnceItIsCompleteAndOnlyOnce() {
        usage.raw(1, NOON.plusSeconds(10), 10, 50);
        usage.clock.set(NOON.plus(Duration.ofMinutes(4)));
        assertThat(usage.rollups.rollUp()).isZero();

        usage.clock.set(NOON.plus(Duration.ofMinutes(6)).plusSeconds(5));
        assertThat(usage.rollups.rollUp()).isEqualTo(1);
        assertThat(usage.rollups.rollUp()).isZero();
        assertThat(all(Resolution.FIVE_MINUTES, 1)).hasSize(1);
    }

    @Test
    void serversAreRolledUpSeparately() {
        usage.raw(1, NOON.plusSeconds(10), 10, 10);
        usage.raw(2, NOON.plusSeconds(10), 10, 90);
        usage.clock.set(NOON.plus(Duration.ofMinutes(10)));

        usage.rollups.rollUp();

        assertThat(all(Resolution.FIVE_MINUTES, 1)).singleElement().satisfies(p -> assertThat(p.avg()[0]).isEqualTo(10));
        assertThat(all(Resolution.FIVE_MINUTES, 2)).singleElement().satisfies(p -> assertThat(p.avg()[0]).isEqualTo(90));
    }

    @Test
    void hourlyBucketsAverageTheFiveMinuteBucketsByTimeAndKeepThePeak() {
        for (int s = 10; s <= 3600; s += 10) {
            double cpu = s <= 1800 ? 20 : 80;
            usage.raw(1, NOON.plusSeconds(s - 1), 10, s == 1200 ? 100 : cpu);
        }
        usage.clock.set(NOON.plus(Duration.ofMinutes(70)));

        usage.rollups.rollUp();

        assertThat(all(Resolution.FIVE_MINUTES, 1)).hasSize(12);
        var hour = all(Resolution.HOURLY, 1);
        assertThat(hour).hasSize(1);
        assertThat(hour.get(0).ts()).isEqualTo(NOON);
        assertThat(hour.get(0).avg()[0]).isCloseTo(50 + 80.0 / 360, within(1e-6));
        assertThat(hour.get(0).max()[0]).isEqualTo(100);
        assertThat(hour.get(0).coveredSeconds()).isEqualTo(3600);
    }

    @Test
    void missedSamplesLeaveMissingBucketsNotZeros() {
        usage.raw(1, NOON.plusSeconds(10), 10, 40);
        usage.raw(1, NOON.plus(Duration.ofMinutes(20)).plusSeconds(10), 10, 40);
        usage.clock.set(NOON.plus(Duration.ofMinutes(30)));

        usage.rollups.rollUp();

        assertThat(all(Resolution.FIVE_MINUTES, 1)).extracting(StoredPoint::ts)
                .containsExactly(NOON, NOON.plus(Duration.ofMinutes(20)));
    }

    @Test
    void rawPointsGoAfterADayOnceRolledUp() {
        usage.raw(1, NOON.plusSeconds(10), 10, 40);
        usage.clock.set(NOON.plus(Duration.ofMinutes(10)));
        usage.rollups.rollUp();

        usage.clock.set(NOON.plus(Duration.ofHours(24)));
        usage.retention.prune();
        assertThat(all(Resolution.RAW, 1)).hasSize(1);

        usage.clock.set(NOON.plus(Duration.ofHours(24)).plusSeconds(11));
        usage.retention.prune();
        assertThat(all(Resolution.RAW, 1)).isEmpty();
        assertThat(all(Resolution.FIVE_MINUTES, 1)).hasSize(1);
    }

    @Test
    void rawPointsNotRolledUpYetAreKeptPastTheirRetention() {
        usage.clock.set(NOON);
        usage.rollups.rollUp(); // nothing stored yet: the rollup starts counting here
        usage.raw(1, NOON.plusSeconds(10), 10, 40);

        usage.clock.set(NOON.plus(Duration.ofDays(2)));
        usage.retention.prune();
        assertThat(all(Resolution.RAW, 1)).hasSize(1);

        usage.rollups.rollUp();
        usage.retention.prune();
        assertThat(all(Resolution.RAW, 1)).isEmpty();
        assertThat(all(Resolution.FIVE_MINUTES, 1)).hasSize(1);
        assertThat(all(Resolution.HOURLY, 1)).hasSize(1);
    }

    @Test
    void fiveMinuteBucketsGoAfterThirtyDaysAndHourlyAfterThirteenMonths() {
        usage.raw(1, NOON.plusSeconds(10), 10, 40);
        usage.clock.set(NOON.plus(Duration.ofHours(2)));
        usage.rollups.rollUp();
        assertThat(all(Resolution.FIVE_MINUTES, 1)).hasSize(1);
        assertThat(all(Resolution.HOURLY, 1)).hasSize(1);

        usage.clock.set(NOON.plus(Duration.ofDays(30)).minusSeconds(1));
        usage.retention.prune();
        assertThat(all(Resolution.FIVE_MINUTES, 1)).hasSize(1);

        usage.clock.set(NOON.plus(Duration.ofDays(30)).plusSeconds(1));
        usage.retention.prune();
        assertThat(all(Resolution.FIVE_MINUTES, 1)).isEmpty();
        assertThat(all(Resolution.HOURLY, 1)).hasSize(1);

        // 13 calendar months after 2025-03-10T12:00Z is 2026-04-10T12:00Z
        usage.clock.set(Instant.parse("2026-04-10T11:59:59Z"));
        usage.retention.prune();
        assertThat(all(Resolution.HOURLY, 1)).hasSize(1);
        usage.clock.set(Instant.parse("2026-04-10T12:00:01Z"));
        usage.retention.prune();
        assertThat(all(Resolution.HOURLY, 1)).isEmpty();
    }

    @Test
    void aLongStopIsCaughtUpInChunks() {
        for (int h = 0; h < 20; h++) {
            usage.raw(1, NOON.plus(Duration.ofHours(h)).plusSeconds(10), 10, h);
        }
        usage.clock.set(NOON.plus(Duration.ofHours(21)));

        usage.rollups.rollUp();

        assertThat(all(Resolution.FIVE_MINUTES, 1)).hasSize(20);
        assertThat(all(Resolution.HOURLY, 1)).hasSize(20);
        assertThat(usage.store.rolledUntil(Resolution.FIVE_MINUTES)).contains(NOON.plus(Duration.ofHours(21)).minus(Duration.ofMinutes(5)));
    }
}
