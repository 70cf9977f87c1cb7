package com.virtpanel.quota.ui;

import com.virtpanel.base.Bytes;
import com.virtpanel.quota.EffectiveLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Limits in words for people: the same sentences on the server page, the banner and the admin list. */
final class LimitText {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private LimitText() {
    }

    static String cpu(EffectiveLimits l) {
        String vcpu = l.vcpus() == 1 ? "one vCPU" : l.vcpus() + " vCPUs";
        if (l.burst() == null) {
            return "up to " + l.cpuCapPercent() + " % of one vCPU (" + vcpu + "), weight " + l.cpuShares();
        }
        return (l.cpuThrottled() ? "limited to its baseline of " + l.burst().baselinePercent() + " %"
                : "up to " + l.planCpuCapPercent() + " % while burst credits last, baseline " + l.burst().baselinePercent() + " %")
                + " of one vCPU (" + vcpu + "), weight " + l.cpuShares();
    }

    static String credits(EffectiveLimits.Burst b) {
        return String.format(Locale.ROOT, "%.1f of %.1f vCPU-seconds (%d %%): about %s at full speed", b.credits(), b.maxCredits(),
                Math.round(b.maxCredits() == 0 ? 0 : 100 * b.credits() / b.maxCredits()), duration(b.fullSpeedFor()));
    }

    static String network(EffectiveLimits l) {
        return l.trafficThrottled() ? l.netMbps() + " Mbit/s (reduced from " + l.planNetMbps() + " Mbit/s)" : l.netMbps() + " Mbit/s";
    }

    static String traffic(EffectiveLimits.Traffic t) {
        return gib(t.usedBytes()) + " of " + gib(t.allowanceBytes()) + " this period (until " + TIME.format(t.periodEnd()) + ")";
    }

    /** Why a server runs under less than its plan, and until when; empty when it does not. */
    static List<String> reasons(EffectiveLimits l) {
        var why = new ArrayList<String>();
        if (l.cpuThrottled()) {
            EffectiveLimits.Burst b = l.burst();
            String back = b.recoveryAtIdle() == null ? "" : ", about " + duration(b.recoveryAtIdle()) + " if it stays idle";
            why.add("CPU limited to the baseline of " + b.baselinePercent() + " %" + since(b.throttledSince())
                    + ": its burst credits are used up. The full cap of " + l.planCpuCapPercent()
                    + " % returns once it has earned " + String.format(Locale.ROOT, "%.1f", b.resumeCredits())
                    + " credits by running below the baseline" + back + ".");
        }
        if (l.trafficThrottled()) {
            EffectiveLimits.Traffic t = l.traffic();
            why.add("Network limited to " + t.throttledMbps() + " Mbit/s" + since(t.throttledSince()) + ": this period's "
                    + gib(t.allowanceBytes()) + " traffic allowance is used up. Full speed (" + l.planNetMbps()
                    + " Mbit/s) returns on " + TIME.format(t.periodEnd()) + ".");
        }
        return why;
    }

    /** The short form for a list: "CPU at baseline until about 12:04" / "network until 2025-06-01 00:00". */
    static String until(EffectiveLimits l, Instant now) {
        var parts = new ArrayList<String>();
        if (l.cpuThrottled() && l.burst().recoveryAtIdle() != null) {
            parts.add("CPU: at best " + TIME.format(now.plus(l.burst().recoveryAtIdle())));
        }
        if (l.trafficThrottled()) {
            parts.add("network: " + TIME.format(l.traffic().periodEnd()));
        }
        return String.join("; ", parts);
    }

    static String gib(long bytes) {
        double g = bytes / (double) Bytes.GIB;
        return g >= 10 || g == Math.rint(g) ? String.format(Locale.ROOT, "%.0f GiB", g) : String.format(Locale.ROOT, "%.2f GiB", g);
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static String since(Instant at) {
        return at == null ? "" : " since " + TIME.format(at);
    }
}
