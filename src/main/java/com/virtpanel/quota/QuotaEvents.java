package com.virtpanel.quota;

import java.time.Instant;

/** What the quota module does to servers; the audit log and notifications listen. */
public final class QuotaEvents {

    private QuotaEvents() {
    }

    /** A limit the guest had lost (drift) was written back. Values in the host's units. */
    public record LimitRepaired(long serverId, long accountId, String domain, String what, String before, String after) {
    }

    /** Burst credits ran out: the CPU cap dropped to the baseline. */
    public record CpuThrottled(long serverId, long accountId, int baselinePercent) {
    }

    /** Burst credits recovered (or the plan changed): the full CPU cap is back. */
    public record CpuRestored(long serverId, long accountId, int capPercent) {
    }

    /** The monthly traffic allowance is used up: the network runs at a reduced rate until {@code until}. */
    public record TrafficThrottled(long serverId, long accountId, int rateMbps, Instant until) {
    }

    /**
     * The server's traffic this period passed {@code percent} (80) of its allowance: once per
     * period, when a sampling pass crosses the line. (Reaching 100 % is {@link TrafficThrottled}.)
     */
    public record TrafficAllowanceNearlyUsed(long serverId, long accountId, int percent, long usedBytes, long allowanceBytes,
            Instant periodStart, Instant periodEnd) {
    }

    /** A new traffic period (or a larger allowance) lifted the traffic throttle. */
    public record TrafficRestored(long serverId, long accountId, int rateMbps) {
    }
}
