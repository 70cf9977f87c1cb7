package com.virtpanel.support;

import com.virtpanel.quota.QuotaEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** What the quota jobs did to a server: repaired drifted limits, throttling and its end. */
@Component
class QuotaAudit {

    private final AuditTrail trail;
    private final ServerNames names;

    QuotaAudit(AuditTrail trail, ServerNames names) {
        this.trail = trail;
        this.names = names;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuotaEvents.LimitRepaired e) {
        trail.record(AuditAction.LIMITS_REPAIRED, e.accountId(), e.serverId(), names.of(e.serverId()),
                e.what() + ": " + e.before() + " → " + e.after());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuotaEvents.CpuThrottled e) {
        trail.record(AuditAction.THROTTLED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "burst credits spent: CPU cap " + e.baselinePercent() + " %");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuotaEvents.CpuRestored e) {
        trail.record(AuditAction.UNTHROTTLED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "CPU cap back to " + e.capPercent() + " %");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuotaEvents.TrafficThrottled e) {
        trail.record(AuditAction.THROTTLED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "traffic allowance used up: network at " + e.rateMbps() + " Mbit/s until " + e.until());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuotaEvents.TrafficRestored e) {
        trail.record(AuditAction.UNTHROTTLED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "network back to " + e.rateMbps() + " Mbit/s");
    }
}
