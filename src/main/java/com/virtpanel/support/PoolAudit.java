package com.virtpanel.support;

import com.virtpanel.network.PoolEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Staff's address pool changes: the pool's range is the target, the staff member the actor. */
@Component
class PoolAudit {

    private final AuditTrail trail;

    PoolAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PoolEvents.Added e) {
        trail.record(AuditAction.POOL_ADDED, null, null, e.cidr(), detail(e.poolId(), e.network(), e.reserved()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PoolEvents.Changed e) {
        trail.record(AuditAction.POOL_CHANGED, null, null, e.cidr(), detail(e.poolId(), e.network(), e.reserved()));
    }

    private static String detail(long id, String network, String reserved) {
        return "#" + id + " on " + network + (reserved.isEmpty() ? "" : ", reserved " + reserved);
    }
}
