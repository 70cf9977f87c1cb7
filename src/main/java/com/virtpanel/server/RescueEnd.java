package com.virtpanel.server;

import com.virtpanel.base.hosts.LocalHost;
import com.virtpanel.host.Domains;
import com.virtpanel.host.GuestLifecycle;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends rescue mode by itself: once the first boot into the rescue system is over (the guest
 * shut down or rebooted from inside: a rescue definition turns a reboot into a stop), seen at
 * once through libvirt's events and by {@link RescueEndJob}'s passes, or when its time is up.
 */
@Component
class RescueEnd {

    private static final Logger log = LoggerFactory.getLogger(RescueEnd.class);
    static final String TIME_UP = "time is up";
    static final String STOPPED = "the rescue system stopped";

    private final ServerRepository servers;
    private final ServerRescue rescue;
    private final Domains domains;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LocalHost localHost;

    RescueEnd(ServerRepository servers, ServerRescue rescue, Domains domains, TransactionTemplate tx, Clock clock,
            LocalHost localHost) {
        this.localHost = localHost;
        this.servers = servers;
        this.rescue = rescue;
        this.domains = domains;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener
    void on(GuestLifecycle event) {
        if (event.change() != GuestLifecycle.Change.STOPPED && event.change() != GuestLifecycle.Change.CRASHED) {
            return;
        }
        Long id = tx.execute(t -> servers.findByDomainName(event.domain())
                .filter(s -> s.getStatus() == ServerStatus.RESCUE && s.getOperation() == null)
                .map(Server::getId).orElse(null));
        if (id != null) {
            endIfStopped(id, event.domain());
        }
    }

    /**
     * One pass over this host's servers in rescue mode (another host's guest is missing here, which
     * must not read as "stopped"); run by {@link RescueEndJob} on each host.
     */
    void endDue() {
        List<Server> inRescue = tx.execute(t -> servers.findByStatusIn(EnumSet.of(ServerStatus.RESCUE)).stream()
                .filter(s -> s.getOperation() == null && localHost.isLocal(s.getHost())).toList());
        for (Server s : inRescue == null ? List.<Server>of() : inRescue) {
            try {
                if (s.getRescueUntil() != null && !clock.instant().isBefore(s.getRescueUntil())) {
                    end(s.getId(), TIME_UP);
                } else {
                    endIfStopped(s.getId(), s.getDomainName());
                }
            } catch (RuntimeException e) {
                log.debug("Rescue check of server {} skipped: {}", s.getId(), e.getMessage());
            }
        }
    }

    /** Asks the host, not the event: a late event of the stop before the rescue boot must not end it. */
    private void endIfStopped(long id, String domain) {
        if (!domains.state(domain).isActive()) {
            end(id, STOPPED);
        }
    }

    private void end(long id, String reason) {
        try {
            if (rescue.endAutomatically(id, reason)) {
                log.info("Server {}: rescue mode ended ({})", id, reason);
            }
        } catch (OptimisticLockingFailureException raced) {
            log.debug("Ending rescue of server {} raced with another update; the next pass looks again", id);
        }
    }
}
