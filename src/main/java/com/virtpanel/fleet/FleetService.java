package com.virtpanel.fleet;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.server.HostPlacement.Demand;
import com.virtpanel.server.ServerHosts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hosts for staff: the list with usage, and the states staff set. Maintenance and draining take
 * a host out of placement at once (placement reads the state under the order guard); its servers
 * keep running. Draining would move them away, which needs migration: refused until it exists.
 */
@Service
public class FleetService {

    private final FleetHostRepository hosts;
    private final ServerHosts servers;
    private final FleetProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FleetService(FleetHostRepository hosts, ServerHosts servers, FleetProperties properties, ApplicationEventPublisher events,
            Clock clock) {
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

    /** Draining means moving the servers away: there is no migration yet, so it is refused with that reason. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public HostDetails drain(String name) {
        hosts.findById(name).orElseThrow(FleetService::notFound);
        throw new ConflictException(UserMessage.of("error.fleet.drain-needs-migration"));
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
