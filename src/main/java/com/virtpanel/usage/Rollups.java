package com.virtpanel.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes 5-minute buckets from raw points and hourly buckets from 5-minute ones, for every
 * bucket that is complete and not yet rolled up. Progress is stored per resolution (so any
 * panel instance can continue), in the same transaction as the buckets it covers.
 */
@Component
class Rollups {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    static final Duration HOUR = Duration.ofHours(1);
    /** Samples are stored a moment after they are taken: wait this long before closing a bucket. */
    private static final Duration MIN_GRACE = Duration.ofMinutes(1);

    private final UsageStore store;
    private final TransactionTemplate tx;
    private final UsageProperties properties;
    private final Clock clock;

    Rollups(UsageStore store, TransactionTemplate tx, UsageProperties properties, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Rolls up everything due; returns the number of buckets written. */
    int rollUp() {
        Duration grace = max(MIN_GRACE, properties.interval().multipliedBy(3));
        Instant fiveUntil = floor(clock.instant().minus(grace), FIVE_MINUTES);
        int written = roll(Resolution.RAW, Resolution.FIVE_MINUTES, FIVE_MINUTES, Duration.ofHours(1), fiveUntil);
        Instant hourUntil = floor(store.rolledUntil(Resolution.FIVE_MINUTES).orElse(fiveUntil), HOUR);
        written += roll(Resolution.FIVE_MINUTES, Resolution.HOURLY, HOUR, Duration.ofDays(1), hourUntil);
        return written;
    }

    private int roll(Resolution source, Resolution target, Duration bucket, Duration chunk, Instant until) {
        Instant from = store.rolledUntil(target)
                .orElseGet(() -> store.oldest(source).map(t -> floor(t, bucket)).orElse(until));
        if (!from.isBefore(until)) {
            if (store.rolledUntil(target).isEmpty()) {
                store.markRolledUntil(target, until); // nothing stored yet: start counting from here
            }
            return 0;
        }
        int written = 0;
        // in chunks, each in its own transaction, so catching up after a long stop stays small
        while (from.isBefore(until)) {
            Instant start = from;
            Instant end = min(from.plus(chunk), until);
            Integer n = tx.execute(status -> {
                List<StoredPoint> buckets = aggregate(source, bucket, start, end);
                store.insertRollup(target, buckets);
                store.markRolledUntil(target, end);
                return buckets.size();
            });
            written += n == null ? 0 : n;
            from = end;
        }
        return written;
    }

    private List<StoredPoint> aggregate(Resolution source, Duration bucket, Instant from, Instant to) {
        record Key(long serverId, Instant start) {
        }
        Map<Key, Bucket> buckets = new LinkedHashMap<>();
        store.eachPoint(source, from, to, p -> {
            Instant start = floor(p.ts(), bucket);
            buckets.computeIfAbsent(new Key(p.serverId(), start), k -> new Bucket(k.serverId(), k.start())).add(p);
        });
        return buckets.values().stream().map(Bucket::result).toList();
    }

    static Instant floor(Instant t, Duration step) {
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, step.getSeconds()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
