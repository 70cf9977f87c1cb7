package com.virtpanel.support;

import com.virtpanel.network.FirewallEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Customers' firewall changes, attachments, and the reconciler's repairs of the host's rules. */
@Component
class FirewallAudit {

    private final AuditTrail trail;
    private final ServerNames names;

    FirewallAudit(AuditTrail trail, ServerNames names) {
        this.trail = trail;
        this.names = names;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FirewallEvents.Created e) {
        trail.record(AuditAction.FIREWALL_CREATED, e.accountId(), null, e.name(), "#" + e.firewallId() + ", " + e.rules() + " rules");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FirewallEvents.Changed e) {
        trail.record(AuditAction.FIREWALL_CHANGED, e.accountId(), null, e.name(), "#" + e.firewallId() + ", " + e.rules() + " rules");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FirewallEvents.Deleted e) {
        trail.record(AuditAction.FIREWALL_DELETED, e.accountId(), null, e.name(), "#" + e.firewallId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FirewallEvents.Attached e) {
        trail.record(AuditAction.FIREWALL_ATTACHED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "firewall " + e.name() + " (#" + e.firewallId() + ")");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FirewallEvents.Detached e) {
        trail.record(AuditAction.FIREWALL_DETACHED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "firewall " + e.name() + " (#" + e.firewallId() + ")");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FirewallEvents.Repaired e) {
        trail.record(AuditAction.FIREWALL_REPAIRED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "rules for " + e.address() + " put back");
    }
}
