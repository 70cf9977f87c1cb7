package com.virtpanel.network;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings an address's row to PowerDNS: its PTR replaced (then the row is served) or, for a
 * deleted server's address, removed (then the row goes). One address at a time, reading the
 * row inside the lock, so a later change is never overtaken by an earlier one; a row that
 * changed while on its way stays pending for the delivery of that change.
 */
@Component
class ReverseDnsDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReverseDnsDelivery.class);

    /** Published inside the transaction that changed these addresses' rows; delivered once it committed. */
    record Changed(List<String> addresses) {
    }

    private final ReverseDnsRepository rows;
    private final ReverseZones zones;
    private final PowerDns powerDns;
    private final TransactionTemplate tx;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ReverseDnsDelivery(ReverseDnsRepository rows, ReverseZones zones, PowerDns powerDns,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.zones = zones;
        this.powerDns = powerDns;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Changed changed) {
        for (String address : changed.addresses()) {
            try {
                deliver(address);
            } catch (PowerDns.Unavailable e) {
                log.warn("PTR of {} stays pending (the reconciler delivers it): {}", address, e.getMessage());
            } catch (RuntimeException e) { // the change is committed: the caller must not see it fail
                log.error("PTR of {} stays pending (the reconciler retries)", address, e);
            }
        }
    }

    /** Delivers the address's row as it is now; nothing when there is none. Throws Unavailable when PowerDNS fails. */
    void deliver(String address) {
        synchronized (locks.computeIfAbsent(address, a -> new Object())) {
            ReverseDns row = tx.execute(t -> rows.findByAddress(address).orElse(null));
            if (row == null) {
                return;
            }
            String zone = zones.ensuredZoneOf(address);
            String owner = ReverseNames.ptrOwner(address);
            if (row.getState() == ReverseDns.State.REMOVING) {
                powerDns.deletePtr(zone, owner);
                tx.executeWithoutResult(t -> rows.deleteRemoved(row.getId(), row.getRevision()));
            } else {
                powerDns.replacePtr(zone, owner, row.getPtr() + ".");
                tx.executeWithoutResult(t -> rows.markServed(row.getId(), row.getRevision()));
            }
        }
    }
}
