package com.virtpanel.server;

import com.virtpanel.catalog.PlanUsage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the catalog whether a plan is in use, so a plan with servers is never deleted. */
@Component
class ServerPlanUsage implements PlanUsage {

    private final ServerRepository servers;

    ServerPlanUsage(ServerRepository servers) {
        this.servers = servers;
    }

    @Override
    @Transactional(readOnly = true)
    public long liveServersOn(long planId) {
        return servers.countByPlanIdAndStatusNot(planId, ServerStatus.DELETED);
    }
}
