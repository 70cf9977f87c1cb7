package com.virtpanel.fleet;

import com.virtpanel.server.HostPlacement;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the server module's placement question from the hosts table. Runs in the order's
 * transaction under its order guard: a staff state change commits before or after a whole order,
 * and the promised figures cannot move while it decides, so simultaneous orders never overfill a host.
 */
@Component
class FleetPlacement implements HostPlacement {

    private final FleetHostRepository hosts;
    private final FleetProperties properties;
    private final Clock clock;

    FleetPlacement(FleetHostRepository hosts, FleetProperties properties, Clock clock) {
        this.hosts = hosts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> choose(Demand wanted, Map<String, Demand> promised) {
        return choose(wanted, promised, host -> true);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> choose(Demand wanted, Map<String, Demand> promised, Predicate<String> allowed) {
        // a down host (DownRule: silent, or its libvirt lost) takes no order
        var candidates = hosts.findByState(HostState.ACTIVE).stream().filter(h -> h.down(clock.instant(), properties).isEmpty())
                .filter(h -> allowed.test(h.getName())).map(FleetHost::candidate).toList();
        return PlacementPolicy.choose(properties.placement(), candidates, promised, wanted,
                clock.instant().minus(properties.heartbeatTimeout()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean fits(String host, Demand more, Map<String, Demand> promised) {
        return hosts.findById(host).map(FleetHost::candidate)
                .filter(c -> PlacementPolicy.fits(c, promised.getOrDefault(host, Demand.NONE).plus(more)))
                .isPresent();
    }
}
