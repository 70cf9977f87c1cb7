package com.virtpanel.quota;

import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import java.util.List;

/**
 * Decides why each differing limit is written. A limit whose desired value stayed put since
 * it was last written, but which the host enforces differently, drifted. One whose desired
 * value moved is an intended change: a throttle that switched on or off, else the plan.
 */
final class Repair {

    record Write(Drift.Difference difference, Reason reason) {
    }

    private Repair() {
    }

    static List<Write> plan(LimitSpec want, LiveLimits live, LimitSpec previous, PlanInfo plan, boolean cpuThrottled,
            boolean trafficThrottled) {
        return Drift.between(want, live).stream()
                .map(d -> new Write(d, reason(d.limit(), want, previous, plan, cpuThrottled, trafficThrottled)))
                .toList();
    }

    private static Reason reason(Drift.Limit limit, LimitSpec want, LimitSpec previous, PlanInfo plan, boolean cpuThrottled,
            boolean trafficThrottled) {
        if (previous == null || limit.valueIn(previous) == limit.valueIn(want)) {
            return Reason.DRIFT;
        }
        if (limit == Drift.Limit.CPU_QUOTA && plan.bursts() && previous.vcpus() == want.vcpus()) {
            boolean wasBaseline = previous.cpuCapPercent() == plan.burstBaselinePercent();
            boolean isBaseline = want.cpuCapPercent() == plan.burstBaselinePercent();
            if (cpuThrottled && isBaseline && previous.cpuCapPercent() == plan.cpuCapPercent()) {
                return Reason.BURST_EXHAUSTED;
            }
            if (!cpuThrottled && wasBaseline && want.cpuCapPercent() == plan.cpuCapPercent()) {
                return Reason.BURST_RECOVERED;
            }
        }
        if (limit == Drift.Limit.NET_RATE) {
            long full = LimitSpec.mbitToKBps(plan.netMbps());
            long reduced = LimitSpec.mbitToKBps(plan.throttledNetMbps());
            if (trafficThrottled && want.netKBps() == reduced && previous.netKBps() == full) {
                return Reason.TRAFFIC_EXCEEDED;
            }
            if (!trafficThrottled && previous.netKBps() == reduced && want.netKBps() == full) {
                return Reason.TRAFFIC_RESET;
            }
        }
        return Reason.PLAN_CHANGED;
    }
}
