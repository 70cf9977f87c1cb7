package com.virtpanel.fleet;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notes each host going down and coming back, once: the log line and the audit row. Down itself
 * is computed wherever it is asked ({@link DownRule}), so this only keeps the record; every
 * heartbeat pass runs it for all hosts (a live instance notices a dead one). The last noted state
 * is stored on the host and changed under its row lock, so several instances looking at the same
 * moment write one row between them.
 */
@Component
class DownWatch {

    private static final Logger log = LoggerFactory.getLogger(DownWatch.class);

    private final FleetHostRepository hosts;
    private final FleetProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DownWatch(FleetHostRepository hosts, FleetProperties properties, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.hosts = hosts;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Looks at every host; those whose state changed since last noted are noted under their lock. */
    void look() {
        for (FleetHost seen : hosts.findAll()) {
            if (seen.down(clock.instant(), properties).isPresent() != seen.isDownNoted()) {
                tx.executeWithoutResult(t -> hosts.lockByName(seen.getName()).ifPresent(this::note));
            }
        }
    }

    private void note(FleetHost host) {
        Optional<HostDown> down = host.down(clock.instant(), properties);
        if (!host.noteDown(down.isPresent(), clock.instant())) {
            return; // another instance noted it first
        }
        if (down.isPresent()) {
            log.warn("Host {} is down: {} since {}{}", host.getName(), down.get().reason().apiName(), down.get().since(),
                    down.get().detail() == null ? "" : " (" + down.get().detail() + ")");
            events.publishEvent(new FleetEvents.HostWentDown(host.getName(), down.get().reason(), down.get().detail()));
        } else {
            log.info("Host {} is back", host.getName());
            events.publishEvent(new FleetEvents.HostCameBack(host.getName()));
        }
    }
}
