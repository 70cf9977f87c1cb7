package com.virtpanel.api;

import com.virtpanel.base.NotFoundException;
import com.virtpanel.quota.QuotaService;
import org.springframework.stereotype.Component;

/**
 * The {@code throttled} flag of the server JSON: whether the quota module holds a server below
 * its plan's limits right now (traffic cap reached, burst credits spent).
 */
@Component
class Throttling {

    private final QuotaService quota;

    Throttling(QuotaService quota) {
        this.quota = quota;
    }

    boolean throttled(long serverId) {
        try {
            return quota.limits(serverId).throttled();
        } catch (NotFoundException gone) {
            return false;
        }
    }
}
