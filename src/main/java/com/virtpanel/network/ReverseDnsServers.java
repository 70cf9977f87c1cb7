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
 * A provisioned server's addresses get the default PTR (its hostname under
 * panel.dns.default-domain) unless the customer already named them; a deleted server's
 * records are taken out of PowerDNS. Rows change with the server's own transaction, PowerDNS
 * after it committed.
 */
@Component
class ReverseDnsServers {

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
    void on(ServerEvents.Provisioned e) {
        if (!config.enabled()) {
            return;
        }
        ServerRef server = directory.find(e.serverId()).orElse(null);
        if (server == null) {
            return;
        }
        String ptr = defaultPtr(server.name());
        for (ServerAddress a : directory.addresses(e.serverId())) {
            String address = ReverseNames.canonical(a.address());
            var row = rows.findByAddress(address).orElse(null);
            if (row == null) {
                rows.save(new ReverseDns(e.serverId(), e.accountId(), address, ptr, clock.instant()));
            } else if (row.getServerId() != e.serverId() || row.getState() == ReverseDns.State.REMOVING) {
                row.assign(e.serverId(), e.accountId(), ptr, clock.instant()); // a former server's address
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
        List<String> addresses = rows.findByServerId(serverId).stream().map(ReverseDns::getAddress).toList();
        if (!addresses.isEmpty()) {
            delivery.on(new ReverseDnsDelivery.Changed(addresses)); // called, not published: this runs after the commit
        }
    }
}
