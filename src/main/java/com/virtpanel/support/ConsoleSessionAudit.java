package com.virtpanel.support;

import com.virtpanel.console.ConsoleEvents;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Consoles opened and closed. The WebSocket threads that publish these have no signed-in user,
 * so both identities (the account acted as, the person at the keyboard) come from the event.
 */
@Component
class ConsoleSessionAudit {

    private final AuditTrail trail;
    private final ServerDirectory directory;

    ConsoleSessionAudit(AuditTrail trail, ServerDirectory directory) {
        this.trail = trail;
        this.directory = directory;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConsoleEvents.Opened e) {
        trail.record(who(e.realAccountId(), e.realEmail(), e.accountId(), e.email()), AuditAction.CONSOLE_OPENED,
                e.ownerAccountId(), e.serverId(), name(e.serverId()), null, e.remoteAddress());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConsoleEvents.Closed e) {
        trail.record(who(e.realAccountId(), e.realEmail(), e.accountId(), e.email()), AuditAction.CONSOLE_CLOSED,
                e.ownerAccountId(), e.serverId(), name(e.serverId()),
                e.reason() + " after " + e.duration().toSeconds() + " s", e.remoteAddress());
    }

    private static Who who(long realId, String realEmail, long actedAsId, String actedAsEmail) {
        var actor = new Who.Identity(realId, realEmail);
        return realId == actedAsId ? Who.same(actor) : new Who(actor, new Who.Identity(actedAsId, actedAsEmail), null, false);
    }

    private String name(long serverId) {
        return directory.find(serverId).map(ServerRef::name).orElse(null);
    }
}
