package com.virtpanel.server;

import com.virtpanel.base.Bytes;
import com.virtpanel.base.CapacityException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.base.hosts.LocalHost;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.HostCapacity;
import com.virtpanel.host.HostOverview;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Room for servers, from what live servers' plans promise per host against the limits the
 * fleet keeps for each host: an order goes to the host the fleet chooses, a plan change must fit
 * the server's own host. Libvirt is read only for the operators' metrics ({@link #use()}).
 */
@Component
class Capacity {

    private final HostOverview host;
    private final CatalogService catalog;
    private final ServerRepository servers;
    private final CapacityProperties limits;
    private final HostPlacement placement;
    private final OrderGuard guard;
    private final LocalHost localHost;

    Capacity(HostOverview host, CatalogService catalog, ServerRepository servers, CapacityProperties limits,
            HostPlacement placement, OrderGuard guard, LocalHost localHost) {
        this.host = host;
        this.catalog = catalog;
        this.servers = servers;
        this.limits = limits;
        this.placement = placement;
        this.guard = guard;
        this.localHost = localHost;
    }

    /**
     * The host a new server of {@code wanted} goes to, chosen by the fleet among the hosts with
     * room; the caller holds the order guard, so the promised figures hold until it commits.
     * No host: the same "no room" refusal as a full host, before anything is stored.
     */
    String place(PlanInfo wanted) {
        return placement.choose(demand(wanted), promisedByHost())
                .orElseThrow(() -> new CapacityException(UserMessage.of(
                        wanted.dedicated() ? "error.server.no-room-dedicated-cores" : "error.server.no-room-memory", wanted.title())));
    }

    /**
     * The host a server moves to: the one staff named ({@code wanted}), or else the one
     * placement picks among the others that take migrations ({@code takesMigrations}); either must
     * be active, up, and have room for the server's plan on top of what it promises. Decided under
     * the order guard, like an order.
     */
    String placeMove(PlanInfo plan, String from, String wanted, Predicate<String> takesMigrations) {
        if (wanted != null && wanted.equals(from)) {
            throw new InvalidInputException("host", UserMessage.of("error.server.migrate-same-host", from));
        }
        guard.hold();
        Predicate<String> allowed = wanted != null ? wanted::equals : host -> !host.equals(from) && takesMigrations.test(host);
        return placement.choose(demand(plan), promisedByHost(), allowed)
                .orElseThrow(() -> new CapacityException(wanted != null
                        ? UserMessage.of("error.server.migrate-host-refuses", wanted)
                        : UserMessage.of("error.server.migrate-no-host")));
    }

    /**
     * What live servers' plans promise, by host: summed per host and plan in the database, not row
     * by row. A server moving to another host counts on both until it has arrived.
     */
    Map<String, HostPlacement.Demand> promisedByHost() {
        Map<Long, PlanInfo> plans = new HashMap<>();
        Map<String, HostPlacement.Demand> promised = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(servers.countLiveByHostAndPlan(ServerStatus.DELETED));
        rows.addAll(servers.countMovingByTargetAndPlan());
        for (Object[] row : rows) {
            PlanInfo plan = plans.computeIfAbsent((Long) row[1], catalog::plan);
            HostPlacement.Demand add = demand(plan).times((Long) row[2]);
            promised.merge(localHost.or((String) row[0]), add, HostPlacement.Demand::plus);
        }
        return promised;
    }

    static HostPlacement.Demand demand(PlanInfo plan) {
        // a dedicated plan's vCPUs take reserved cores, not room on the shared ones
        return new HostPlacement.Demand(plan.memoryMib(), plan.diskGib(), plan.vcpus() - plan.dedicatedVcpus(),
                plan.dedicatedVcpus());
    }

    /**
     * A server moving from one plan to another needs room on its host for the difference only;
     * a change that grows nothing always fits. Decided under the order guard, like an order, so
     * simultaneous orders and plan changes never overfill a host.
     */
    void checkChange(String host, PlanInfo from, PlanInfo to) {
        HostPlacement.Demand more = demand(to).minus(demand(from));
        if (!more.grows()) {
            return;
        }
        guard.hold();
        if (!placement.fits(host, more, promisedByHost())) {
            throw new CapacityException(UserMessage.of("error.server.no-room-plan-change", to.title()));
        }
    }

    /** What the live servers on this instance's host promise against what it may promise (overcommit and reserve applied). */
    Use use() {
        return use(host.capacity());
    }

    private Use use(HostCapacity capacity) {
        HostPlacement.Demand promised = promisedByHost().getOrDefault(localHost.name(), HostPlacement.Demand.NONE);
        long memoryLimit = (long) (capacity.totalMemoryMib() * limits.memoryOvercommit()) - limits.memoryReserveMib();
        long diskLimitGib = (long) (capacity.storage().capacityBytes() * limits.diskOvercommit() / Bytes.GIB);
        return new Use(capacity, promised.memoryMib(), memoryLimit, promised.diskGib(), diskLimitGib,
                promised.vcpus() + promised.dedicatedVcpus());
    }

    record Use(HostCapacity host, long promisedMemoryMib, long memoryLimitMib, long promisedDiskGib, long diskLimitGib,
            int promisedVcpus) {
    }
}
