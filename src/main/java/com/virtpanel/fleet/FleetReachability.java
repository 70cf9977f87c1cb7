package com.virtpanel.fleet;

import com.virtpanel.server.HostReachability;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the server module's "which hosts are down" from the hosts table by {@link DownRule},
 * read afresh at every question: a host that comes back takes actions at its next heartbeat,
 * with nothing cached to expire and no staff action.
 */
@Component
class FleetReachability implements HostReachability {

    private final FleetHostRepository hosts;
    private final FleetProperties properties;
    private final Clock clock;

    FleetReachability(FleetHostRepository hosts, FleetProperties properties, Clock clock) {
        this.hosts = hosts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> unreachableHosts() {
        Instant now = clock.instant();
        return hosts.findAll().stream().filter(h -> h.down(now, properties).isPresent())
                .map(FleetHost::getName).collect(Collectors.toUnmodifiableSet());
    }
}
