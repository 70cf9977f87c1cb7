package com.virtpanel.api;

import com.virtpanel.base.NotFoundException;
import com.virtpanel.quota.EffectiveLimits;
import com.virtpanel.quota.QuotaService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The quota module's part of the server JSON: whether it holds a server below its plan's
 * limits right now (traffic cap reached, burst credits spent), and this period's traffic.
 */
@Component
class Throttling {

    private final QuotaService quota;

    Throttling(QuotaService quota) {
        this.quota = quota;
    }

    /** Empty when the server is gone meanwhile. */
    Optional<EffectiveLimits> limits(long serverId) {
        try {
            return Optional.of(quota.limits(serverId));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }
}
