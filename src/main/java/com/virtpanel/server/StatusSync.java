package com.virtpanel.server;

import com.virtpanel.base.hosts.LocalHost;
import com.virtpanel.host.DomainState;
import com.virtpanel.host.Domains;
import com.virtpanel.host.GuestLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored status in line with the guest: libvirt's lifecycle events update it at
 * once (a guest shut down from inside is "stopped" a moment later), and a periodic pass
 * catches events missed while the host was unreachable. Servers in an operation are left
 * to their state machine.
 */
@Component
class StatusSync {

    private static final Logger log = LoggerFactory.getLogger(StatusSync.class);
    /** A reboot is reported done once the guest has been running this long since the request. */
    private static final Duration REBOOT_SETTLE = Duration.ofSeconds(8);

    private final ServerRepository servers;
    private final Domains domains;
    private final ServerTransitions transitions;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LocalHost localHost;

    StatusSync(ServerRepository servers, Domains domains, ServerTransitions transitions, TransactionTemplate tx, Clock clock,
            LocalHost localHost) {
        this.localHost = localHost;
        this.servers = servers;
        this.domains = domains;
        this.transitions = transitions;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener
    void on(GuestLifecycle event) {
        try {
            apply(event);
        } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
            // a user action recorded the same change at the same moment; the periodic pass checks again
            log.debug("Lifecycle event for {} raced with another update", event.domain());
        }
    }

    private void apply(GuestLifecycle event) {
        ServerStatus status = switch (event.change()) {
            case STARTED, RESUMED -> ServerStatus.RUNNING;
            case STOPPED, CRASHED -> ServerStatus.STOPPED;
            default -> null;
        };
        if (status == null || servers.findByDomainName(event.domain()).filter(this::followsEvents).isEmpty()) {
            return;
        }
        if (!stillSo(event.domain(), status)) {
            log.info("Lifecycle event {} for {} is out of date (the guest is no longer so): ignored", event.change(), event.domain());
            return;
        }
        tx.executeWithoutResult(t -> servers.findByDomainName(event.domain()).filter(this::followsEvents)
                .ifPresent(s -> transitions.status(s, status)));
    }

    /**
     * Rescue mode ends by its own rules (RescueEnd), not by a stopped guest becoming "stopped";
     * operations by their state machine. This instance hears its own libvirtd only: a guest that
     * left for another host (a migration's "stopped" here) says nothing about the server there.
     */
    private boolean followsEvents(Server s) {
        return s.getOperation() == null && s.getStatus() != ServerStatus.DELETED && s.getStatus() != ServerStatus.RESCUE
                && localHost.isLocal(s.getHost());
    }

    /**
     * Events can reach the panel late when the host is loaded (a "started" after the guest was
     * stopped again): the guest's state now decides, when libvirt answers; else the event does.
     */
    private boolean stillSo(String domain, ServerStatus status) {
        try {
            return domains.state(domain).isActive() == (status == ServerStatus.RUNNING);
        } catch (RuntimeException unreachable) {
            return true;
        }
    }

    /** One pass over this host's settled servers (each host's scheduler runs its own); run by {@link StatusSyncJob}. */
    void syncAll() {
        var settled = tx.execute(t -> servers.findByStatusIn(EnumSet.of(ServerStatus.RUNNING, ServerStatus.STOPPED,
                ServerStatus.REBOOTING)).stream().filter(s -> s.getOperation() == null)
                .filter(s -> localHost.isLocal(s.getHost())).map(Server::getId).toList());
        if (settled == null) {
            return;
        }
        for (long id : settled) {
            try {
                sync(id);
            } catch (RuntimeException e) {
                log.debug("Status sync of server {} skipped: {}", id, e.getMessage());
                return; // host unreachable: the next pass tries again
            }
        }
    }

    private void sync(long id) {
        try {
            syncOne(id);
        } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
            log.debug("Status sync of server {} raced with another update", id);
        }
    }

    private void syncOne(long id) {
        Server snapshot = tx.execute(t -> servers.findById(id).orElse(null));
        if (snapshot == null || snapshot.getOperation() != null) {
            return;
        }
        DomainState state = domains.state(snapshot.getDomainName());
        tx.executeWithoutResult(t -> servers.findById(id).filter(s -> s.getOperation() == null).ifPresent(s -> {
            if (state == DomainState.MISSING) {
                return; // never defined or removed behind our back: leave it for staff to see
            }
            boolean active = state.isActive();
            if (s.getStatus() == ServerStatus.REBOOTING) {
                if (active && clock.instant().isAfter(s.getStatusChangedAt().plus(REBOOT_SETTLE))) {
                    transitions.status(s, ServerStatus.RUNNING);
                } else if (!active) {
                    transitions.status(s, ServerStatus.STOPPED);
                }
            } else if (active && s.getStatus() == ServerStatus.STOPPED) {
                transitions.status(s, ServerStatus.RUNNING);
            } else if (!active && s.getStatus() == ServerStatus.RUNNING) {
                transitions.status(s, ServerStatus.STOPPED);
            }
        }));
    }
}
