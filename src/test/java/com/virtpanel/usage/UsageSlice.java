package com.virtpanel.usage;

import com.virtpanel.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The module's storage parts wired by hand around a test clock, for @JdbcTest slices. */
final class UsageSlice {

    static final UsageProperties PROPERTIES = new UsageProperties(Duration.ofSeconds(10), Duration.ofHours(24),
            Duration.ofDays(30), Period.ofMonths(13), Duration.ofMinutes(5));

    final MutableClock clock;
    final UsageStore store;
    final TransactionTemplate tx;
    final Rollups rollups;
    final Retention retention;
    final SeriesReader reader;

    UsageSlice(JdbcTemplate jdbc, PlatformTransactionManager transactions, Instant start) {
        clock = new MutableClock(start);
        store = new UsageStore(jdbc);
        tx = new TransactionTemplate(transactions);
        rollups = new Rollups(store, tx, PROPERTIES, clock);
        retention = new Retention(store, PROPERTIES, clock);
        reader = new SeriesReader(store, PROPERTIES, clock);
    }

    /** A raw point with the same value for every measure. */
    void raw(long serverId, Instant at, double seconds, double value) {
        double[] v = new double[Measure.values().length];
        java.util.Arrays.fill(v, value);
        store.insertRaw(java.util.List.of(new StoredPoint(serverId, at, seconds, v, v)));
    }

    void rollup(Resolution resolution, long serverId, Instant at, double avg, double max) {
        double[] a = new double[Measure.values().length];
        double[] m = new double[Measure.values().length];
        java.util.Arrays.fill(a, avg);
        java.util.Arrays.fill(m, max);
        store.insertRollup(resolution, java.util.List.of(new StoredPoint(serverId, at, 300, a, m)));
    }
}
