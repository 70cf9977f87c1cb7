package com.virtpanel.quota;

import com.virtpanel.catalog.PlanInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Moves a server's throttle state forward: a new traffic period, the traffic and CPU used
 * since the last reading, and plan changes that make a throttle moot. Returns why the
 * throttles switched, so the limits written next can say why they changed.
 */
final class Accounting {

    private final QuotaProperties config;

    Accounting(QuotaProperties config) {
        this.config = config;
    }

    EnumSet<Reason> account(QuotaState state, PlanInfo plan, Optional<QuotaState.Usage> usage, Instant now) {
        var switched = EnumSet.noneOf(Reason.class);
        if (state.rollOver(TrafficPeriod.containing(now, config.traffic()).start(), now)) {
            switched.add(Reason.TRAFFIC_RESET);
        }
        long allowance = plan.trafficBytes();
        BurstPolicy burst = BurstPolicy.of(plan, config.burst());
        if (usage.isPresent()) {
            QuotaState.Usage used = usage.get();
            if (state.addTraffic(used.trafficBytes(), allowance, now)) {
                switched.add(Reason.TRAFFIC_EXCEEDED);
            }
            if (burst != null && used.cpuPercent() != null
                    && state.burst(burst.step(state.standing(), used.cpuPercent(), used.seconds()), now)) {
                switched.add(state.isCpuThrottled() ? Reason.BURST_EXHAUSTED : Reason.BURST_RECOVERED);
            }
        }
        // A plan change can end a throttle: no burst any more, or a larger allowance.
        if (burst == null && state.isCpuThrottled()) {
            state.clearBurst(now);
        }
        state.liftTrafficIfUnder(allowance, now);
        return switched;
    }

    /** The state of a server the quota module sees for the first time. */
    QuotaState fresh(long serverId, PlanInfo plan, Instant now) {
        BurstPolicy burst = BurstPolicy.of(plan, config.burst());
        return new QuotaState(serverId, burst == null ? 0 : burst.initialCredits(),
                TrafficPeriod.containing(now, config.traffic()).start(), now);
    }
}
