package com.virtpanel.quota;

import com.virtpanel.host.GuestLimits;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import org.springframework.stereotype.Component;

@Component
class HostLimitEnforcer implements LimitEnforcer {

    private final GuestLimits limits;

    HostLimitEnforcer(GuestLimits limits) {
        this.limits = limits;
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
