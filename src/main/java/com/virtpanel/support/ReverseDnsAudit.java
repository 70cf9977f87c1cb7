package com.virtpanel.support;

import com.virtpanel.network.ReverseDnsEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Customers' PTR changes, and the reconciler's repairs of records changed in PowerDNS by hand. */
@Component
class ReverseDnsAudit {

    private final AuditTrail trail;
    private final ServerNames names;

    ReverseDnsAudit(AuditTrail trail, ServerNames names) {
        this.trail = trail;
        this.names = names;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ReverseDnsEvents.Changed e) {
        trail.record(AuditAction.PTR_CHANGED, e.accountId(), e.serverId(), names.of(e.serverId()),
                e.address() + " → " + e.ptr());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ReverseDnsEvents.Repaired e) {
        trail.record(AuditAction.PTR_REPAIRED, e.accountId(), e.serverId(), names.of(e.serverId()),
                e.address() + ": " + (e.found().isEmpty() ? "missing" : e.found()) + " → " + e.ptr());
    }
}
