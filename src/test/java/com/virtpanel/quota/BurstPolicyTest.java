package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BurstPolicyTest {

    final BurstPolicy policy = BurstPolicy.of(Plans.burst(), Plans.config().burst());

    @Test
    void creditsAreWhatTheBaselineEarnsInTheConfiguredTime() {
        assertThat(policy.maxCredits()).isCloseTo(12.0, within(1e-9));
        assertThat(policy.resumeCredits()).isCloseTo(3.0, within(1e-9));
        assertThat(policy.initialCredits()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void aPlanWithoutBurstHasNoPolicy() {
        assertThat(BurstPolicy.of(Plans.nano(), Plans.config().burst())).isNull();
    }

    @Test
    void aServerAtFullSpeedSpendsItsCreditsAndThenDropsToTheBaseline() {
        var s = new BurstPolicy.Standing(12, false);
        s = policy.step(s, 100, 10);
        assertThat(s.credits()).isCloseTo(4.0, within(1e-9));
        assertThat(s.throttled()).isFalse();
        s = policy.step(s, 100, 10);
        assertThat(s.credits()).isZero();
        assertThat(s.throttled()).isTrue();
        assertThat(policy.capPercent(s.throttled())).isEqualTo(20);
    }

    @Test
    void aThrottledServerGetsItsCapBackOnlyOnceItsCreditsReachTheResumeLevel() {
        var s = new BurstPolicy.Standing(0, true);
        s = policy.step(s, 0, 10);
        assertThat(s.credits()).isCloseTo(2.0, within(1e-9));
        assertThat(s.throttled()).isTrue();
        s = policy.step(s, 0, 5);
        assertThat(s.throttled()).isFalse();
        assertThat(policy.capPercent(s.throttled())).isEqualTo(100);
    }

    @Test
    void aThrottledServerAtItsBaselineStaysThrottled() {
        var s = new BurstPolicy.Standing(0, true);
        for (int i = 0; i < 100; i++) {
            s = policy.step(s, 20, 10);
        }
        assertThat(s.throttled()).isTrue();
        assertThat(s.credits()).isZero();
    }

    @Test
    void anIdleServerKeepsItsFullCapAndItsCreditsStopAtTheMaximum() {
        var s = new BurstPolicy.Standing(12, false);
        for (int i = 0; i < 100; i++) {
            s = policy.step(s, 5, 10);
        }
        assertThat(s.credits()).isCloseTo(12.0, within(1e-9));
        assertThat(s.throttled()).isFalse();
    }

    @Test
    void launchCreditsAboveTheMaximumAreKeptUntilSpentButNotEarned() {
        var launch = BurstPolicy.of(Plans.burst(), new QuotaProperties.Burst(Duration.ofSeconds(60), 2.0, 0.25, 1.0));
        assertThat(launch.initialCredits()).isCloseTo(24.0, within(1e-9));
        var s = launch.step(new BurstPolicy.Standing(24, false), 0, 100);
        assertThat(s.credits()).isCloseTo(24.0, within(1e-9));
        s = launch.step(s, 100, 10);
        assertThat(s.credits()).isCloseTo(16.0, within(1e-9));
        s = launch.step(s, 0, 100);
        assertThat(s.credits()).isCloseTo(16.0, within(1e-9));
        s = launch.step(s, 100, 20);
        s = launch.step(s, 0, 10);
        assertThat(s.credits()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void theAccrualFactorSpeedsUpEarningButNotSpending() {
        var faster = BurstPolicy.of(Plans.burst(), new QuotaProperties.Burst(Duration.ofSeconds(60), 0.5, 0.25, 3.0));
        assertThat(faster.step(new BurstPolicy.Standing(6, false), 0, 1).credits()).isCloseTo(6.6, within(1e-9));
        assertThat(faster.step(new BurstPolicy.Standing(6, false), 100, 1).credits()).isCloseTo(5.2, within(1e-9));
    }

    @Test
    void theRecoveryEstimateIsTheTimeAnIdleServerNeedsToReachTheResumeLevel() {
        assertThat(policy.recoveryAtIdle(0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.recoveryAtIdle(5)).isEqualTo(Duration.ZERO);
        assertThat(policy.fullSpeedFor(12)).isEqualTo(Duration.ofSeconds(15));
    }
}
