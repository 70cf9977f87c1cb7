package com.virtpanel.support;

import com.virtpanel.fleet.FleetEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Host state changes: staff's (the staff member is the actor), and a host going down and back (the panel is). */
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

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FleetEvents.HostWentDown e) {
        trail.record(AuditAction.HOST_DOWN, null, null, e.host(), e.reason().apiName() + (e.detail() == null ? "" : ": " + e.detail()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FleetEvents.HostCameBack e) {
        trail.record(AuditAction.HOST_BACK, null, null, e.host(), null);
    }
}
