package com.virtpanel.fleet;

import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.server.HostPlacement.Demand;
import com.virtpanel.server.ServerHosts;
import com.virtpanel.server.ServerMigrations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hosts for staff: the list with usage, and the states staff set. Maintenance and draining take
 * a host out of placement at once (placement reads the state under the order guard); in
 * maintenance its servers stay, draining moves them away (running ones while they run).
 */
@Service
public class FleetService {

    private final FleetHostRepository hosts;
    private final ServerHosts servers;
    private final FleetProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ServerMigrations migrations;
    private final TransactionTemplate tx;

    FleetService(FleetHostRepository hosts, ServerHosts servers, FleetProperties properties, ApplicationEventPublisher events,
            Clock clock, ServerMigrations migrations, TransactionTemplate tx) {
        this.migrations = migrations;
        this.tx = tx;
        this.hosts = hosts;
        this.servers = servers;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('SUPPORT','ADMIN')")
    @Transactional(readOnly = true)
    public List<HostDetails> list() {
        Map<String, Demand> promised = servers.promised();
        Map<String, Long> counts = servers.liveCounts();
        return hosts.findAllByOrderByNameAsc().stream().map(h -> details(h, promised, counts)).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public HostDetails maintenance(String name) {
        return change(name, HostState.MAINTENANCE);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public HostDetails activate(String name) {
        return change(name, HostState.ACTIVE);
    }

    /**
     * Draining: the host takes no new servers, and every server on it starts moving to another
     * (placement picks each one's host, as for an order; a running server keeps running). A server
     * that cannot move now stays, with the reason: busy, in rescue, failed, or no other host has
     * room. Asking again later moves what can move then.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Drain drain(String name) {
        HostDetails host = tx.execute(t -> change(name, HostState.DRAINING));
        List<Long> moving = new ArrayList<>();
        Map<Long, UserMessage> staying = new LinkedHashMap<>();
        for (long serverId : servers.liveOn(name)) {
            try {
                migrations.migrate(serverId, null);
                moving.add(serverId);
            } catch (PanelException cannot) {
                staying.put(serverId, cannot.message());
            }
        }
        return new Drain(tx.execute(t -> details(hosts.findById(name).orElseThrow(), servers.promised(), servers.liveCounts())),
                moving, staying);
    }

    private HostDetails change(String name, HostState to) {
        FleetHost host = hosts.lockByName(name).orElseThrow(FleetService::notFound);
        HostState from = host.getState();
        if (from != to) {
            host.changeState(to);
            events.publishEvent(new FleetEvents.StateChanged(name, from, to));
        }
        return details(host, servers.promised(), servers.liveCounts());
    }

    private HostDetails details(FleetHost h, Map<String, Demand> promised, Map<String, Long> counts) {
        Demand used = promised.getOrDefault(h.getName(), Demand.NONE);
        HostDown down = h.down(clock.instant(), properties).orElse(null);
        return new HostDetails(h.getName(), down != null ? HostState.DOWN : h.getState(), h.getState(),
                h.getManagementAddress(), h.getMemoryMib(), h.getDiskGib(), h.getVcpus(), used.memoryMib(), used.diskGib(),
                used.vcpus(), counts.getOrDefault(h.getName(), 0L), h.getLastHeartbeat(), down);
    }

    private static NotFoundException notFound() {
        return new NotFoundException(UserMessage.of("error.fleet.host-not-found"));
    }
}
