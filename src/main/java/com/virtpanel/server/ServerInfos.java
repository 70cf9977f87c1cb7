package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The one place that turns a stored server into what views and the API show. */
@Component
class ServerInfos {

    private final CatalogService catalog;
    private final OperationGate gate;
    private final GuestBlueprint blueprint;
    private final HostReachability hosts;
    private final DedicatedCores cores;

    ServerInfos(CatalogService catalog, OperationGate gate, GuestBlueprint blueprint, HostReachability hosts,
            DedicatedCores cores) {
        this.catalog = catalog;
        this.gate = gate;
        this.blueprint = blueprint;
        this.hosts = hosts;
        this.cores = cores;
    }

    ServerInfo of(Server s) {
        return of(s, s.isQueued() ? gate.positions() : Map.of(), s.getHost() == null ? Set.of() : hosts.unreachableHosts());
    }

    /** Many servers: the queue and the down hosts are asked once for all. */
    List<ServerInfo> of(List<Server> servers) {
        Map<Long, Integer> line = servers.stream().anyMatch(Server::isQueued) ? gate.positions() : Map.of();
        Set<String> down = servers.isEmpty() ? Set.of() : hosts.unreachableHosts();
        return servers.stream().map(s -> of(s, line, down)).toList();
    }

    private ServerInfo of(Server s, Map<Long, Integer> line, Set<String> downHosts) {
        PlanInfo plan = catalog.plan(s.getPlanId());
        ImageInfo image = catalog.image(s.getImageId());
        Operation op = s.getOperation();
        int place = s.isQueued() ? line.getOrDefault(s.getId(), 1) : 0;
        UserMessage activity = op == null ? null
                : place > 0 ? UserMessage.of("server.step.waiting", place)
                : s.getOperationStep().message();
        int progress = op == null ? 100 : place > 0 ? 0 : op.progress(s.getOperationStep(), s.getStepPercent());
        // a down host's server reads "unreachable" over whatever it was doing: nobody can tell now
        ServerStatus shown = s.getHost() != null && downHosts.contains(s.getHost()) ? ServerStatus.UNREACHABLE
                : place > 0 ? ServerStatus.QUEUED : s.getStatus();
        return new ServerInfo(s.getId(), s.getAccountId(), s.getName(), shown,
                plan.id(), plan.name(), image.id(), image.name(), s.getDomainName(), s.getIpv4(), s.getCreatedAt(),
                s.getStatusChangedAt(), s.failure(), progress, activity, place, s.getUserData() != null,
                s.getIpv6Net() == null ? null : blueprint.ipv6().address(s.getIpv6Net()), s.getHost(), plan.dedicatedVcpus(),
                plan.dedicated() ? dedicatedCores(s) : null, plan.title(), image.title());
    }

    /** Only dedicated servers ask: shared ones, the most, cost no query. */
    private String dedicatedCores(Server s) {
        var held = cores.of(s.getHost(), s.getId());
        return held.isEmpty() ? null : held.toString();
    }
}
