package com.virtpanel.support;

import com.virtpanel.console.ConsoleEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Consoles opened and closed. The WebSocket threads that publish these have no signed-in user,
 * so both identities (the account acted as, the person at the keyboard) come from the event.
 */
@Component
class ConsoleSessionAudit {

    private final AuditTrail trail;
    private final ServerNames names;

    ConsoleSessionAudit(AuditTrail trail, ServerNames names) {
        this.trail = trail;
        this.names = names;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ConsoleEvents.Opened e) {
        trail.record(who(e.realAccountId(), e.realEmail(), e.accountId(), e.email()), AuditAction.CONSOLE_OPENED,
                e.ownerAccountId(), e.serverId(), names.of(e.serverId()), null, e.remoteAddress());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ConsoleEvents.Closed e) {
        trail.record(who(e.realAccountId(), e.realEmail(), e.accountId(), e.email()), AuditAction.CONSOLE_CLOSED,
                e.ownerAccountId(), e.serverId(), names.of(e.serverId()),
                e.reason() + " after " + e.duration().toSeconds() + " s", e.remoteAddress());
    }

    private static Who who(long realId, String realEmail, long actedAsId, String actedAsEmail) {
        var actor = new Who.Identity(realId, realEmail);
        return realId == actedAsId ? Who.same(actor) : new Who(actor, new Who.Identity(actedAsId, actedAsEmail), null, false);
    }
}
