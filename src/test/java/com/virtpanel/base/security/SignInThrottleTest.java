package com.virtpanel.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SignInThrottleTest {

    final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottleProperties(3, 5, 2, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(30)),
            Clock.systemUTC());

    @Test
    void oneAccountIsSlowedDownWhateverAddressesTheGuessesComeFrom() {
        for (int i = 0; i < 4; i++) {
            throttle.signInFailed("203.0.113." + i, "Victim@Example.com");
        }
        assertThat(throttle.signInWait("198.51.100.7", "victim@example.com")).isPositive();
        assertThat(throttle.signInWait("198.51.100.7", "someone-else@example.com")).isZero();
    }

    @Test
    void oneAddressIsSlowedDownWhateverAccountsItTries() {
        for (int i = 0; i < 6; i++) {
            throttle.signInFailed("203.0.113.9", "guess-" + i + "@example.com");
        }
        assertThat(throttle.signInWait("203.0.113.9", "fresh@example.com")).isPositive();
        assertThat(throttle.signInWait("203.0.113.10", "fresh@example.com")).isZero();
    }

    @Test
    void theOwnersSuccessfulSignInForgetsTheAccountsFailuresButNotTheGuessersAddress() {
        for (int i = 0; i < 6; i++) {
            throttle.signInFailed("203.0.113.9", "owner@example.com");
        }
        throttle.signedIn("owner@example.com");
        assertThat(throttle.signInWait("198.51.100.7", "owner@example.com")).isZero();
        assertThat(throttle.signInWait("203.0.113.9", "owner@example.com")).isPositive();
    }

    @Test
    void signUpsFromOneAddressAreSlowedDownAfterTheFreeOnes() {
        throttle.signUpAttempted("203.0.113.9", "a@example.com");
        throttle.signUpAttempted("203.0.113.9", "b@example.com");
        assertThat(throttle.signUpWait("203.0.113.9", "c@example.com")).isZero();
        throttle.signUpAttempted("203.0.113.9", "c@example.com");
        assertThat(throttle.signUpWait("203.0.113.9", "d@example.com")).isPositive();
        assertThat(throttle.signUpWait("198.51.100.7", "d@example.com")).isZero();
    }

    /** The shipped defaults (the test profile lifts them): ten customers signing up from one address at once, twice. */
    @Test
    void byDefaultTwentySignUpsFromOneAddressGoThroughAndBulkCreationDoesNot() {
        SignInThrottleProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("panel.sign-in", SignInThrottleProperties.class);
        SignInThrottle shipped = new SignInThrottle(defaults, Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            assertThat(shipped.signUpWait("127.0.0.1", "customer-" + i + "@example.com")).as("sign-up %d", i).isZero();
            shipped.signUpAttempted("127.0.0.1", "customer-" + i + "@example.com");
        }
        for (int i = 20; i <= defaults.freeSignUps(); i++) { // the free ones, and one that starts the delays
            shipped.signUpAttempted("127.0.0.1", "customer-" + i + "@example.com");
        }
        assertThat(shipped.signUpWait("127.0.0.1", "one-too-many@example.com")).isPositive();
    }
}
