package com.virtpanel.quota;

import com.virtpanel.base.hosts.LocalHost;
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
    private final LocalHost localHost;

    HostLimitEnforcer(GuestLimits limits, GuestPinning pinning, DedicatedCores cores, LocalHost localHost) {
        this.limits = limits;
        this.pinning = pinning;
        this.cores = cores;
        this.localHost = localHost;
    }

    @Override
    public List<GuestPinning.Repair> repairPinning(String domain, long serverId, boolean dedicated) {
        // the guests checked here run on this host: a moving server's cores on the other host are not theirs yet
        return pinning.repair(domain, dedicated ? cores.of(localHost.name(), serverId) : null);
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
