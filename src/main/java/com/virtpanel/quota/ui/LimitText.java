package com.virtpanel.quota.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.base.Bytes;
import com.virtpanel.quota.EffectiveLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Limits in words for people: the same sentences on the server page, the banner and the admin list. */
final class LimitText {

    private LimitText() {
    }

    static String cpu(EffectiveLimits l) {
        // the cap is the whole server's, counted in vCPUs' worth: with several, the text says it is shared
        String across = l.vcpus() == 1 ? "" : Texts.get("quota.limit-text.across-vcpus", l.vcpus());
        if (l.burst() == null) {
            return Texts.get("quota.limit-text.cpu-cap", l.cpuCapPercent(), across, l.cpuShares());
        }
        return l.cpuThrottled()
                ? Texts.get("quota.limit-text.cpu-at-baseline", l.burst().baselinePercent(), across, l.cpuShares())
                : Texts.get("quota.limit-text.cpu-bursting", l.planCpuCapPercent(), l.burst().baselinePercent(), across, l.cpuShares());
    }

    static String credits(EffectiveLimits.Burst b) {
        return String.format(Texts.locale(), Texts.get("quota.limit-text.1f-1f-vcpu-seconds"), b.credits(), b.maxCredits(),
                Math.round(b.maxCredits() == 0 ? 0 : 100 * b.credits() / b.maxCredits()), duration(b.fullSpeedFor()));
    }

    static String network(EffectiveLimits l) {
        return l.trafficThrottled() ? l.netMbps() + Texts.get("quota.limit-text.mbit-reduced-from") + l.planNetMbps() + Texts.get("quota.limit-text.mbit") : l.netMbps() + Texts.get("quota.limit-text.mbit2");
    }

    static String traffic(EffectiveLimits.Traffic t) {
        return gib(t.usedBytes()) + Texts.get("quota.limit-text.text") + gib(t.allowanceBytes()) + Texts.get("quota.limit-text.period-until") + Formats.dateTime(t.periodEnd()) + ")";
    }

    /** Why a server runs under less than its plan, and until when; empty when it does not. */
    static List<String> reasons(EffectiveLimits l) {
        var why = new ArrayList<String>();
        if (l.cpuThrottled()) {
            EffectiveLimits.Burst b = l.burst();
            String back = b.recoveryAtIdle() == null ? "" : Texts.get("quota.limit-text.about") + duration(b.recoveryAtIdle()) + Texts.get("quota.limit-text.if-stays-idle");
            why.add(Texts.get("quota.limit-text.cpu-limited-baseline") + b.baselinePercent() + " %" + since(b.throttledSince())
                    + Texts.get("quota.limit-text.its-burst-credits-are") + l.planCpuCapPercent()
                    + Texts.get("quota.limit-text.returns-once-has-earned") + String.format(Texts.locale(), "%.1f", b.resumeCredits())
                    + Texts.get("quota.limit-text.credits-by-running-below") + back + ".");
        }
        if (l.trafficThrottled()) {
            EffectiveLimits.Traffic t = l.traffic();
            why.add(Texts.get("quota.limit-text.network-limited") + t.throttledMbps() + Texts.get("quota.limit-text.mbit2") + since(t.throttledSince()) + Texts.get("quota.limit-text.period")
                    + gib(t.allowanceBytes()) + Texts.get("quota.limit-text.traffic-allowance-used-up") + l.planNetMbps()
                    + Texts.get("quota.limit-text.mbit-returns") + Formats.dateTime(t.periodEnd()) + ".");
        }
        return why;
    }

    /** The short form for a list: "CPU at baseline until about 12:04" / "network until 2025-06-01 00:00". */
    static String until(EffectiveLimits l, Instant now) {
        var parts = new ArrayList<String>();
        if (l.cpuThrottled() && l.burst().recoveryAtIdle() != null) {
            parts.add(Texts.get("quota.limit-text.cpu-at-best") + Formats.dateTime(now.plus(l.burst().recoveryAtIdle())));
        }
        if (l.trafficThrottled()) {
            parts.add(Texts.get("quota.limit-text.network") + Formats.dateTime(l.traffic().periodEnd()));
        }
        return String.join("; ", parts);
    }

    static String gib(long bytes) {
        double g = bytes / (double) Bytes.GIB;
        return g >= 10 || g == Math.rint(g) ? String.format(Texts.locale(), Texts.get("quota.limit-text.0f-gib"), g) : String.format(Texts.locale(), Texts.get("quota.limit-text.2f-gib"), g);
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + Texts.get("quota.limit-text.text2");
        }
        if (s < 7200) {
            return (s / 60) + Texts.get("quota.limit-text.min");
        }
        return (s / 3600) + Texts.get("quota.limit-text.h") + (s % 3600 / 60) + Texts.get("quota.limit-text.min");
    }

    private static String since(Instant at) {
        return at == null ? "" : Texts.get("quota.limit-text.since") + Formats.dateTime(at);
    }
}
