package com.virtpanel.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand: either standing still at a given instant, or running with
 * real time plus an offset (e.g. past a ticket's expiry, without sleeping).
 */
public final class MutableClock extends Clock {

    private volatile Instant standing;
    private volatile Duration offset = Duration.ZERO;

    /** Runs with real time until {@link #advance} moves it on. */
    public MutableClock() {
        this.standing = null;
    }

    /** Stands at {@code start} until the test moves it. */
    public MutableClock(Instant start) {
        this.standing = start;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stands at {@code instant} from now on. */
    public void set(Instant instant) {
        standing = instant;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant base = standing;
        return (base == null ? Instant.now() : base).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
