package com.virtpanel.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.base.throttle.Backoff;
import com.virtpanel.base.throttle.StoredBackoff;
import com.virtpanel.testkit.Together;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sign-in throttle's counts in the database (run on H2 and on PostgreSQL by the subclasses):
 * ten simultaneous failures are ten, a second instance on the same database sees them, the
 * policy (free attempts, then doubling from 2 s, never more than 5 min) is unchanged, and quiet
 * keys are cleaned up.
 */
abstract class SharedSignInThrottleChecks {

    @Autowired SignInThrottle throttle;
    @Autowired SignInThrottleProperties properties;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void tenSimultaneousFailuresAreAllCountedAndAnotherInstanceSeesThem() throws Exception {
        String email = "victim-" + UUID.randomUUID() + "@example.com";
        Together.run(10, i -> {
            throttle.signInFailed("203.0.113." + i, email);
            return null;
        });
        assertThat(jdbc.queryForObject("SELECT failures FROM sign_in_failure WHERE throttle_key = ?", Integer.class,
                "sign-in-account:account:" + email)).isEqualTo(10);
        // Five free (the test profile's panel.sign-in.free-per-account), then 2, 4, 8, 16, 32 s.
        assertThat(throttle.signInWait("198.51.100.1", email)).isBetween(1L, 32L);

        var otherInstance = new SignInThrottle(properties, Clock.systemUTC(), jdbc, transactions);
        assertThat(otherInstance.signInWait("198.51.100.1", email.toUpperCase())).isPositive();
        otherInstance.signedIn(email);
        assertThat(throttle.signInWait("198.51.100.1", email)).as("the owner's sign-in there forgets it here").isZero();
    }

    @Test
    void thePolicyIsTheInMemoryOnesAndQuietKeysAreDeleted() {
        var clock = new com.virtpanel.testkit.MutableClock();
        var policy = new Backoff(2, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(30), clock);
        var stored = new StoredBackoff("test-" + UUID.randomUUID(), policy, clock, jdbc, transactions);
        assertThat(stored.failed("k")).isZero();
        assertThat(stored.failed("k")).isZero();
        assertThat(stored.failed("k")).isEqualTo(2);
        assertThat(stored.failed("k")).isEqualTo(4);
        for (int i = 0; i < 40; i++) {
            stored.failed("k");
        }
        assertThat(stored.waitSeconds("k")).as("slowed down, never locked out").isEqualTo(300);
        assertThat(stored.waitSeconds("other")).isZero();
        assertThat(stored.failed("x".repeat(5000))).as("a key longer than the column").isZero();

        clock.advance(Duration.ofMinutes(31));
        assertThat(stored.waitSeconds("k")).isZero();
        assertThat(stored.forgetQuietKeys()).isGreaterThanOrEqualTo(2);
        assertThat(stored.failed("k")).as("counted from the start again").isZero();
    }
}
