package com.virtpanel.server;

import com.virtpanel.base.Bytes;
import com.virtpanel.base.CapacityException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.HostCapacity;
import com.virtpanel.host.HostOverview;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses an order the host cannot take: memory already promised to live servers plus the new
 * plan must fit the host's RAM (minus a reserve), and disk sizes must fit the pool.
 */
@Component
class Capacity {

    private final HostOverview host;
    private final CatalogService catalog;
    private final ServerRepository servers;
    private final CapacityProperties limits;

    Capacity(HostOverview host, CatalogService catalog, ServerRepository servers, CapacityProperties limits) {
        this.host = host;
        this.catalog = catalog;
        this.servers = servers;
        this.limits = limits;
    }

    void check(PlanInfo wanted) {
        check(wanted, null);
    }

    /** A server moving from one plan to another needs room only for the difference. */
    void checkChange(PlanInfo from, PlanInfo to) {
        check(to, from);
    }

    private void check(PlanInfo wanted, PlanInfo released) {
        HostCapacity capacity = host.capacity();
        List<Server> live = servers.findByStatusNotOrderByCreatedAt(ServerStatus.DELETED);
        Map<Long, PlanInfo> plans = new HashMap<>();
        long memory = released == null ? 0 : -released.memoryMib();
        long disk = released == null ? 0 : -released.diskGib();
        for (Server s : live) {
            PlanInfo plan = plans.computeIfAbsent(s.getPlanId(), catalog::plan);
            memory += plan.memoryMib();
            disk += plan.diskGib();
        }
        long memoryLimit = (long) (capacity.totalMemoryMib() * limits.memoryOvercommit()) - limits.memoryReserveMib();
        if (memory + wanted.memoryMib() > memoryLimit) {
            throw new CapacityException("This host has no room for a " + wanted.title()
                    + " server right now (not enough memory). Please choose a smaller plan or try again later.");
        }
        long diskLimitGib = (long) (capacity.storage().capacityBytes() * limits.diskOvercommit() / Bytes.GIB);
        if (disk + wanted.diskGib() > diskLimitGib || capacity.storage().availableBytes() < Bytes.GIB) {
            throw new CapacityException("This host has no room for a " + wanted.title()
                    + " server right now (not enough disk space). Please choose a smaller plan or try again later.");
        }
    }
}
