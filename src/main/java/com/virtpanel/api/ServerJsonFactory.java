package com.virtpanel.api;

import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.network.FirewallService;
import com.virtpanel.quota.EffectiveLimits;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns the server module's views into the API's server JSON, with the limits of each plan. */
@Component
class ServerJsonFactory {

    private final CatalogService catalog;
    private final Throttling throttling;
    private final FirewallService firewalls;
    private final CurrentUser users;

    ServerJsonFactory(CatalogService catalog, Throttling throttling, FirewallService firewalls, CurrentUser users) {
        this.catalog = catalog;
        this.throttling = throttling;
        this.firewalls = firewalls;
        this.users = users;
    }

    ApiJson.Server of(ServerInfo view) {
        return of(view, catalog.plan(view.planId()));
    }

    List<ApiJson.Server> of(List<ServerInfo> views) {
        Map<Long, PlanInfo> plans = new HashMap<>();
        return views.stream().map(v -> of(v, plans.computeIfAbsent(v.planId(), catalog::plan))).toList();
    }

    private List<ApiJson.AttachedFirewall> firewalls(long serverId) {
        try {
            return firewalls.ofServer(serverId).stream().map(f -> new ApiJson.AttachedFirewall(f.id(), f.status())).toList();
        } catch (NotFoundException gone) {
            return List.of(); // a server that is gone by now (the JSON of a finished delete)
        }
    }

    /** Which host a server lives on is the operator's business: customers never see it. */
    private boolean staff() {
        return users.find().map(a -> a.isStaff()).orElse(false);
    }

    /**
     * A delete with nothing left to remove (a server whose provisioning failed early) may end
     * before its 202 is written: the answer still says "deleting", a status the API lists, and
     * the next read is 404 as for any deleted server.
     */
    static String status(ServerStatus status) {
        return (status == ServerStatus.DELETED ? ServerStatus.DELETING : status).apiName();
    }

    private ApiJson.Server of(ServerInfo v, PlanInfo plan) {
        var limits = throttling.limits(v.id());
        return new ApiJson.Server(v.id(), v.name(), status(v.status()), v.plan(), v.image(), v.domain(), v.ipv4(), v.ipv6(),
                v.createdAt(), ApiJson.Limits.of(plan), limits.map(EffectiveLimits::throttled).orElse(false),
                limits.map(l -> ApiJson.Traffic.of(l.traffic())).orElse(null),
                v.failureReason() == null ? null : v.failureReason().in(Problems.readerLanguage()), v.progress(),
                v.queuePosition() > 0 ? v.queuePosition() : null, v.userDataGiven(),
                firewalls(v.id()), staff() ? v.host() : null, v.dedicatedVcpus(), staff() ? v.dedicatedCores() : null);
    }
}
