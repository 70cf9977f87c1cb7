package com.virtpanel.base.throttle;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per key (a client IP or a token's hash). A bucket holds at most
 * {@code burst} requests and refills at {@code perMinute}. Memory is bounded: when there are
 * many keys, buckets that have refilled completely are forgotten (they are equivalent to new ones).
 * Per application instance; a cluster of panels multiplies the allowance by its size.
 * {@link Backoff} is its sibling for failures: delays that grow with each one.
 */
public final class RateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final int burst;
    private final double perMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int burst, int perMinute, Clock clock) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("rate limits need burst >= 1 and per-minute >= 1");
        }
        this.burst = burst;
        this.perMilli = perMinute / 60_000.0;
        this.clock = clock;
    }

    /** Takes one request from the key's bucket: 0 if allowed, else the seconds to wait (at least 1). */
    public long acquire(String key) {
        if (buckets.size() > SWEEP_ABOVE) {
            sweep();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis())).take(clock.millis());
    }

    /** How many clients are remembered (for tests of the memory bound). */
    public int size() {
        return buckets.size();
    }

    private void sweep() {
        long now = clock.millis();
        buckets.values().removeIf(b -> b.fullAt(now));
    }

    private final class Bucket {

        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) * perMilli);
                updated = now;
            }
        }
    }
}
