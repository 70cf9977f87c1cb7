package com.virtpanel.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
}
