package com.virtpanel.console;

import com.virtpanel.account.AccountEvents;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerStatus;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends live consoles when access to them ends. After commit: a delete that rolls back
 * leaves the console open. (A console also ends by itself when QEMU closes its VNC socket.)
 */
@Component
class ConsoleLifecycle {

    private final ConsoleSessions sessions;

    ConsoleLifecycle(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.DeleteRequested event) {
        sessions.close(c -> c.grant.serverId() == event.serverId(), CloseReason.SERVER_GONE);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.ReinstallRequested event) {
        sessions.close(c -> c.grant.serverId() == event.serverId(), CloseReason.SERVER_GONE);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.PowerAction event) {
        if ("poweroff".equals(event.action())) {
            sessions.closeServer(event.serverId());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.StatusChanged event) {
        if (ConsoleTickets.showsConsole(event.status())) {
            return;
        }
        // the status change is heard before the delete or reinstall request: say why already here
        boolean gone = event.status() == ServerStatus.DELETING || event.status() == ServerStatus.REINSTALLING
                || event.status() == ServerStatus.DELETED;
        sessions.close(c -> c.grant.serverId() == event.serverId(), gone ? CloseReason.SERVER_GONE : CloseReason.SERVER_STOPPED);
    }

    /** Support stopped acting as a customer: the consoles opened during that impersonation end. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountEvents.ImpersonationEnded event) {
        sessions.close(c -> c.grant.impersonated() && c.grant.realAccountId() == event.staffAccountId()
                && c.grant.accountId() == event.customerAccountId(), CloseReason.ACCESS_ENDED);
    }

    /** First among the listeners: the server's power-off follows, but the reason is the suspension. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountEvents.Suspended event) {
        sessions.closeAllOf(event.accountId());
    }
}
