package com.virtpanel.server;

import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.LimitSpec;

/** A plan's promises in the host's units. The quota module starts from the same numbers. */
public final class PlanLimits {

    private PlanLimits() {
    }

    public static LimitSpec of(PlanInfo plan) {
        return new LimitSpec(plan.cpuShares(), plan.cpuCapPercent(), plan.vcpus(), plan.diskIops(),
                LimitSpec.mbToBytes(plan.diskMbps()), plan.blkioWeight(), LimitSpec.mbitToKBps(plan.netMbps()));
    }
}
