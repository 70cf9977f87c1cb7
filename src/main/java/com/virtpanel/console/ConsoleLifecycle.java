package com.virtpanel.console;

import com.virtpanel.account.AccountEvents;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends live consoles when access to them ends. After commit: a delete that rolls back
 * leaves the console open. (A console also ends by itself when QEMU closes its VNC socket.)
 * Synchronous and backed by the event publication registry like every after-commit listener;
 * the consoles are this instance's sockets, which a restart closes anyway.
 */
@Component
class ConsoleLifecycle {

    private final ConsoleSessions sessions;
    private final ConsoleTickets tickets;
    private final AccountService accounts;
    private final ServerDirectory directory;

    ConsoleLifecycle(ConsoleSessions sessions, ConsoleTickets tickets, AccountService accounts, ServerDirectory directory) {
        this.sessions = sessions;
        this.tickets = tickets;
        this.accounts = accounts;
        this.directory = directory;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.DeleteRequested event) {
        tickets.revokeFor(event.serverId());
        sessions.close(c -> c.grant.serverId() == event.serverId(), CloseReason.SERVER_GONE);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.ReinstallRequested event) {
        tickets.revokeFor(event.serverId());
        sessions.close(c -> c.grant.serverId() == event.serverId(), CloseReason.SERVER_GONE);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.PowerAction event) {
        if ("poweroff".equals(event.action())) {
            tickets.revokeFor(event.serverId());
            sessions.closeServer(event.serverId());
        }
    }

    /**
     * A server that stops loses its outstanding tickets too: they carry the VNC address of the
     * QEMU process that just ended, which the next guest to start may be given.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.StatusChanged event) {
        if (ConsoleTickets.showsConsole(event.status())) {
            return;
        }
        tickets.revokeFor(event.serverId());
        if (sessions.snapshot().stream().anyMatch(c -> c.grant.serverId() == event.serverId())) {
            sessions.close(c -> c.grant.serverId() == event.serverId(), why(event));
        }
    }

    /** Support stopped acting as a customer: the consoles opened during that impersonation end. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountEvents.ImpersonationEnded event) {
        sessions.close(c -> c.grant.impersonated() && c.grant.realAccountId() == event.staffAccountId()
                && c.grant.accountId() == event.customerAccountId(), CloseReason.ACCESS_ENDED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountEvents.Suspended event) {
        sessions.closeAllOf(event.accountId());
    }

    /**
     * Why a console ended whose guest's side closed by itself ({@link LiveConsole}): a delete or
     * reinstall destroys the guest as soon as its job starts, which may be before the listener
     * above closes the console with the request's reason. Read from the facts, as below.
     */
    CloseReason whyVncClosed(long serverId, long ownerAccountId) {
        return whyEnded(directory.find(serverId), ownerAccountId);
    }

    /** Why a console of this server ends, now that it shows none (or is gone). */
    CloseReason whyEnded(Optional<ServerRef> server, long ownerAccountId) {
        return why(server.map(ServerRef::status).orElse(ServerStatus.DELETED), ownerAccountId);
    }

    private CloseReason why(ServerEvents.StatusChanged event) {
        return why(event.status(), event.accountId());
    }

    /**
     * The status change may be heard before the request that caused it (delete, reinstall) or
     * the suspension that stopped the server: the reason is read from the facts, not from which
     * listener ran first.
     */
    private CloseReason why(ServerStatus status, long ownerAccountId) {
        if (status == ServerStatus.DELETING || status == ServerStatus.REINSTALLING || status == ServerStatus.DELETED) {
            return CloseReason.SERVER_GONE;
        }
        try {
            return accounts.get(ownerAccountId).status() == AccountStatus.SUSPENDED ? CloseReason.ACCESS_ENDED
                    : CloseReason.SERVER_STOPPED;
        } catch (NotFoundException gone) {
            return CloseReason.ACCESS_ENDED;
        }
    }
}
