package com.virtpanel.network;

import com.virtpanel.server.ServerAddress;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerRef;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A server's addresses get the default PTR (its hostname under panel.dns.default-domain) when it
 * is ordered (so PowerDNS serves it before the guest has booted) and, for servers that come to
 * be without an order (a restore as a new server), when it is provisioned; a name the customer
 * already set is kept. A deleted server's records are taken out of PowerDNS. Rows change with
 * the server's own transaction, PowerDNS after it committed.
 */
@Component
class ReverseDnsServers {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReverseDnsServers.class);

    private final ReverseDnsRepository rows;
    private final ServerDirectory directory;
    private final DnsProperties config;
    private final ReverseDnsDelivery delivery;
    private final Clock clock;

    ReverseDnsServers(ReverseDnsRepository rows, ServerDirectory directory, DnsProperties config,
            ReverseDnsDelivery delivery, Clock clock) {
        this.rows = rows;
        this.directory = directory;
        this.config = config;
        this.delivery = delivery;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Ordered e) {
        nameAddresses(e.serverId(), e.accountId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void ordered(ServerEvents.Ordered e) {
        deliverRowsOf(e.serverId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Provisioned e) {
        nameAddresses(e.serverId(), e.accountId());
    }

    private void nameAddresses(long serverId, long accountId) {
        if (!config.enabled()) {
            return;
        }
        ServerRef server = directory.find(serverId).orElse(null);
        if (server == null) {
            return;
        }
        String ptr;
        try {
            ptr = defaultPtr(server.name());
        } catch (com.virtpanel.base.InvalidInputException tooLong) { // never stop an order over its default name
            log.warn("Server {} gets no default PTR: {}.{} is no valid host name", serverId, server.name(),
                    config.defaultDomain());
            return;
        }
        for (ServerAddress a : directory.addresses(serverId)) {
            String address = ReverseNames.canonical(a.address());
            var row = rows.findByAddress(address).orElse(null);
            if (row == null) {
                rows.save(new ReverseDns(serverId, accountId, address, ptr, clock.instant()));
            } else if (row.getServerId() != serverId || row.getState() == ReverseDns.State.REMOVING) {
                row.assign(serverId, accountId, ptr, clock.instant()); // a former server's address
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void provisioned(ServerEvents.Provisioned e) {
        deliverRowsOf(e.serverId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Deleted e) {
        rows.findByServerId(e.serverId()).forEach(row -> row.remove(clock.instant()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void deleted(ServerEvents.Deleted e) {
        deliverRowsOf(e.serverId());
    }

    /** "web-1" under "servers.example.net" is "web-1.servers.example.net". */
    String defaultPtr(String hostname) {
        return PtrNames.normalise(hostname + "." + config.defaultDomain());
    }

    private void deliverRowsOf(long serverId) {
        List<String> addresses = rows.findByServerId(serverId).stream()
                .filter(r -> r.getState() != ReverseDns.State.SERVED).map(ReverseDns::getAddress).toList();
        if (!addresses.isEmpty()) {
            delivery.on(new ReverseDnsDelivery.Changed(addresses)); // called, not published: this runs after the commit
        }
    }
}
