package com.virtpanel.quota;

import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import java.util.List;
import java.util.Set;

/**
 * Decides why each differing limit is written. A limit whose desired value moved since it
 * was last written is an intended change (a throttle switched, or the plan changed); one
 * whose desired value stayed put but the host enforces something else drifted.
 */
final class Repair {

    record Write(Drift.Difference difference, Reason reason) {
    }

    private Repair() {
    }

    static List<Write> plan(LimitSpec want, LiveLimits live, LimitSpec previous, Set<Reason> switched) {
        return Drift.between(want, live).stream().map(d -> new Write(d, reason(d.limit(), want, previous, switched))).toList();
    }

    private static Reason reason(Drift.Limit limit, LimitSpec want, LimitSpec previous, Set<Reason> switched) {
        if (previous == null || limit.valueIn(previous) == limit.valueIn(want)) {
            return Reason.DRIFT;
        }
        if (limit == Drift.Limit.CPU_QUOTA) {
            for (Reason r : new Reason[] {Reason.BURST_EXHAUSTED, Reason.BURST_RECOVERED}) {
                if (switched.contains(r)) {
                    return r;
                }
            }
        }
        if (limit == Drift.Limit.NET_RATE) {
            for (Reason r : new Reason[] {Reason.TRAFFIC_EXCEEDED, Reason.TRAFFIC_RESET}) {
                if (switched.contains(r)) {
                    return r;
                }
            }
        }
        return Reason.PLAN_CHANGED;
    }
}
