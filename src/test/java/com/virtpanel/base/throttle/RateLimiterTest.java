package com.virtpanel.base.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void aBurstPassesThenTheNextRequestWaitsForTheRefill() {
        var clock = new ManualClock();
        var limiter = new RateLimiter(3, 6, clock); // one request every 10 s
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(10);
        clock.advance(Duration.ofSeconds(4));
        assertThat(limiter.acquire("a")).isEqualTo(6);
        clock.advance(Duration.ofSeconds(6));
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void keysHaveSeparateBuckets() {
        var limiter = new RateLimiter(1, 1, new ManualClock());
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(60);
        assertThat(limiter.acquire("b")).isZero();
    }

    @Test
    void aBucketNeverHoldsMoreThanItsBurst() {
        var clock = new ManualClock();
        var limiter = new RateLimiter(2, 60, clock);
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }

    @Test
    void manyIdleClientsAreForgottenOnceTheirBucketsAreFullAgain() {
        var clock = new ManualClock();
        var limiter = new RateLimiter(1, 60, clock);
        for (int i = 0; i < 10_001; i++) {
            limiter.acquire("ip-" + i);
        }
        assertThat(limiter.size()).isEqualTo(10_001);
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.acquire("new")).isZero();
        assertThat(limiter.size()).isEqualTo(1);
    }
}
