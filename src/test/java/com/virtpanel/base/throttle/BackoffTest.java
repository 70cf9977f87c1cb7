package com.virtpanel.base.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final RateLimiterTest.ManualClock clock = new RateLimiterTest.ManualClock();
    final Backoff backoff = new Backoff(3, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(30), clock);

    @Test
    void theFirstFailuresAreFreeAndEachFurtherOneDoublesTheWait() {
        assertThat(backoff.failed("k")).isZero();
        assertThat(backoff.failed("k")).isZero();
        assertThat(backoff.failed("k")).isZero();
        assertThat(backoff.waitSeconds("k")).isZero();

        assertThat(backoff.failed("k")).isEqualTo(2);
        assertThat(backoff.failed("k")).isEqualTo(4);
        assertThat(backoff.failed("k")).isEqualTo(8);
        clock.advance(Duration.ofSeconds(5));
        assertThat(backoff.waitSeconds("k")).isEqualTo(3);
        assertThat(backoff.waitSeconds("other")).isZero();
    }

    @Test
    void theWaitNeverGrowsBeyondTheMaximumSoAKeyIsNeverLockedOut() {
        for (int i = 0; i < 100; i++) {
            backoff.failed("victim");
        }
        assertThat(backoff.waitSeconds("victim")).isEqualTo(300);
        clock.advance(Duration.ofMinutes(5));
        assertThat(backoff.waitSeconds("victim")).isZero();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriodOrASuccess() {
        for (int i = 0; i < 5; i++) {
            backoff.failed("a");
            backoff.failed("b");
        }
        clock.advance(Duration.ofMinutes(30));
        assertThat(backoff.failed("a")).isZero();

        backoff.succeeded("b");
        assertThat(backoff.waitSeconds("b")).isZero();
        assertThat(backoff.failed("b")).isZero();
    }
}
