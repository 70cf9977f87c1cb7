package com.virtpanel.base.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays after repeated failures, one count per key (a client address, an account).
 * The first {@code free} failures cost nothing; each one after that doubles the wait, from
 * {@code firstDelay} up to {@code maxDelay}, and never beyond: a key is slowed down, never
 * locked out, so an attacker cannot keep a victim out of their own account for long. A key's
 * failures are forgotten {@code forgetAfter} its last one, or when it succeeds.
 *
 * <p>Like {@link RateLimiter}, in memory and per panel instance; memory is bounded by sweeping
 * forgotten keys when there are many. {@link StoredBackoff} keeps the same counts in the database,
 * shared by every instance; both compute delays with {@link #delayMillis}.
 */
public final class Backoff implements FailureCounter {

    private static final int SWEEP_ABOVE = 10_000;

    private final int free;
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final long forgetAfterMillis;
    private final Clock clock;
    private final Map<String, Failures> keys = new ConcurrentHashMap<>();

    public Backoff(int free, Duration firstDelay, Duration maxDelay, Duration forgetAfter, Clock clock) {
        if (free < 0 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("backoff needs free >= 0 and 0 < first delay <= max delay <= forget-after");
        }
        this.free = free;
        this.firstDelayMillis = firstDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.forgetAfterMillis = forgetAfter.toMillis();
        this.clock = clock;
    }

    /** The wait after the {@code count}th failure in a row: none while free, then doubling up to the maximum. */
    long delayMillis(int count) {
        int over = count - free;
        return over <= 0 ? 0 : Math.min(maxDelayMillis, firstDelayMillis << Math.min(over - 1, 30));
    }

    long forgetAfterMillis() {
        return forgetAfterMillis;
    }

    static long secondsUntil(long blockedUntil, long now) {
        return now >= blockedUntil ? 0 : Math.max(1, (blockedUntil - now + 999) / 1000);
    }

    /** Seconds this key must still wait before its next attempt (rounded up); 0 if it may try now. */
    @Override
    public long waitSeconds(String key) {
        Failures f = keys.get(key);
        return f == null ? 0 : f.waitSeconds(clock.millis());
    }

    /** Counts a failure and returns the seconds the key must now wait (0 while failures are free). */
    @Override
    public long failed(String key) {
        if (keys.size() > SWEEP_ABOVE) {
            long now = clock.millis();
            keys.values().removeIf(f -> f.forgotten(now));
        }
        return keys.computeIfAbsent(key, k -> new Failures()).fail(clock.millis());
    }

    /** A success: the key's failures are forgotten. */
    @Override
    public void succeeded(String key) {
        keys.remove(key);
    }

    private final class Failures {

        private int count;
        private long last;
        private long blockedUntil;

        synchronized long fail(long now) {
            if (forgotten(now)) {
                count = 0;
                blockedUntil = 0;
            }
            count++;
            last = now;
            long delay = delayMillis(count);
            if (delay > 0) {
                blockedUntil = now + delay;
            }
            return waitSeconds(now);
        }

        synchronized long waitSeconds(long now) {
            return secondsUntil(blockedUntil, now);
        }

        synchronized boolean forgotten(long now) {
            return count > 0 && now - last >= forgetAfterMillis;
        }
    }
}
