package com.virtpanel.quota;

import com.virtpanel.host.GuestLimits;
import com.virtpanel.host.GuestPinning;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import com.virtpanel.server.DedicatedCores;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class HostLimitEnforcer implements LimitEnforcer {

    private final GuestLimits limits;
    private final GuestPinning pinning;
    private final DedicatedCores cores;

    HostLimitEnforcer(GuestLimits limits, GuestPinning pinning, DedicatedCores cores) {
        this.limits = limits;
        this.pinning = pinning;
        this.cores = cores;
    }

    @Override
    public List<GuestPinning.Repair> repairPinning(String domain, long serverId, boolean dedicated) {
        return pinning.repair(domain, dedicated ? cores.of(serverId) : null);
    }

    @Override
    public LiveLimits read(String domain) {
        return limits.read(domain);
    }

    @Override
    public void apply(String domain, LimitSpec spec) {
        limits.apply(domain, spec);
    }
}
