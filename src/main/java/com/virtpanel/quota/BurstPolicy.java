package com.virtpanel.quota;

import com.virtpanel.catalog.PlanInfo;
import java.time.Duration;

/**
 * The burst arithmetic of one plan. Credits are vCPU-seconds: a server at its baseline neither
 * earns nor spends; below it earns the difference (times the accrual factor), above it spends
 * the difference. With no credits left the cap drops to the baseline, and it goes back up
 * only once the credits have recovered to the resume level, so a server does not flap.
 *
 * @param baselinePercent CPU a server may use for ever, for the whole server (100 = one vCPU)
 * @param capPercent      the plan's cap, used while credits last
 */
record BurstPolicy(int baselinePercent, int capPercent, double maxCredits, double resumeCredits,
        double initialCredits, double accrualFactor) {

    /** The policy of a plan, or null when the plan does not burst. */
    static BurstPolicy of(PlanInfo plan, QuotaProperties.Burst config) {
        if (!plan.bursts()) {
            return null;
        }
        int baseline = plan.burstBaselinePercent();
        double max = baseline / 100.0 * config.maxAccrual().toMillis() / 1000.0;
        return new BurstPolicy(baseline, plan.cpuCapPercent(), max, clamp(config.resumeFraction(), 0, 1) * max,
                clamp(config.initialFraction(), 0, 10) * max, Math.max(0, config.accrualFactor()));
    }

    /** Where a server's credits and throttle stand after it used {@code usedPercent} for {@code seconds}. */
    Standing step(Standing now, double usedPercent, double seconds) {
        if (seconds <= 0) {
            return now;
        }
        double delta = (baselinePercent - usedPercent) / 100.0 * seconds;
        double credits;
        if (delta > 0) {
            // Earning stops at the maximum; launch credits above it are kept until spent.
            credits = Math.max(now.credits(), Math.min(maxCredits, now.credits() + delta * accrualFactor));
        } else {
            credits = Math.max(0, now.credits() + delta);
        }
        boolean throttled = now.throttled() ? credits < resumeCredits : credits <= 0;
        return new Standing(credits, throttled);
    }

    int capPercent(boolean throttled) {
        return throttled ? baselinePercent : capPercent;
    }

    /** How long an idle server needs to get its cap back (from {@code credits} to the resume level). */
    Duration recoveryAtIdle(double credits) {
        double missing = resumeCredits - credits;
        double perSecond = baselinePercent / 100.0 * accrualFactor;
        if (missing <= 0) {
            return Duration.ZERO;
        }
        return perSecond <= 0 ? null : Duration.ofMillis((long) Math.ceil(missing / perSecond * 1000));
    }

    /** How long the server can run at its full cap on {@code credits}. */
    Duration fullSpeedFor(double credits) {
        double perSecond = (capPercent - baselinePercent) / 100.0;
        return Duration.ofMillis((long) (credits / perSecond * 1000));
    }

    record Standing(double credits, boolean throttled) {
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
