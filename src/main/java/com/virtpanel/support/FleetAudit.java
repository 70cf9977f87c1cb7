package com.virtpanel.support;

import com.virtpanel.fleet.FleetEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Staff's host state changes: the host is the target, the staff member the actor. */
@Component
class FleetAudit {

    private final AuditTrail trail;

    FleetAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FleetEvents.StateChanged e) {
        trail.record(AuditAction.HOST_STATE_CHANGED, null, null, e.host(), e.from() + " -> " + e.to());
    }
}
