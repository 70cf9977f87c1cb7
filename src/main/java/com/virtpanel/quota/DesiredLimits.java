package com.virtpanel.quota;

import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.server.PlanLimits;

/** The limits a server should run under now: its plan's, lowered where it is throttled. */
final class DesiredLimits {

    private DesiredLimits() {
    }

    static LimitSpec of(PlanInfo plan, boolean cpuThrottled, boolean trafficThrottled) {
        LimitSpec full = PlanLimits.of(plan);
        int cap = cpuThrottled && plan.bursts() ? plan.burstBaselinePercent() : full.cpuCapPercent();
        long net = trafficThrottled ? LimitSpec.mbitToKBps(plan.throttledNetMbps()) : full.netKBps();
        return new LimitSpec(full.cpuShares(), cap, full.vcpus(), full.diskIops(), full.diskBytesPerSec(),
                full.blkioWeight(), net);
    }
}
