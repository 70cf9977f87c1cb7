package com.virtpanel.quota;

import java.time.Duration;
import java.time.Instant;

/**
 * The limits a server runs under now, and why they are lower than its plan's when they are.
 *
 * @param cpuCapPercent     the CPU cap in force, for the whole server (100 = one vCPU)
 * @param planCpuCapPercent the plan's cap, in force while the server is not throttled
 * @param netMbps           the network rate in force
 * @param burst             burst credits, or null when the plan does not burst
 * @param checkedAt         when the panel last compared the limits with the host (null: not yet)
 */
public record EffectiveLimits(long serverId, int vcpus, int cpuCapPercent, int planCpuCapPercent, int cpuShares,
        int diskIops, int diskMbps, int netMbps, int planNetMbps, Burst burst, Traffic traffic, Instant checkedAt) {

    /**
     * @param credits        vCPU-seconds at full speed left
     * @param recoveryAtIdle while throttled: how long an idle server needs to get its cap back
     * @param fullSpeedFor   how long the server could run at its full cap on its credits
     */
    public record Burst(int baselinePercent, double credits, double maxCredits, double resumeCredits, boolean throttled,
            Instant throttledSince, Duration recoveryAtIdle, Duration fullSpeedFor, Double lastCpuPercent) {
    }

    /** This period's traffic (received + sent) against the plan's allowance. */
    public record Traffic(long usedBytes, long allowanceBytes, Instant periodStart, Instant periodEnd, boolean throttled,
            Instant throttledSince, int throttledMbps) {
    }

    public boolean cpuThrottled() {
        return burst != null && burst.throttled();
    }

    public boolean trafficThrottled() {
        return traffic.throttled();
    }

    public boolean throttled() {
        return cpuThrottled() || trafficThrottled();
    }
}
