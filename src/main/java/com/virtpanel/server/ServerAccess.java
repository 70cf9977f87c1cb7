package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.UnavailableException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.OsFamily;
import org.springframework.stereotype.Component;

/**
 * Per-object authorization and the action rules, shared by the server services: a server that
 * is not the caller's is "not found", exactly like one that does not exist; an action the
 * server's status or OS does not allow is refused with the reason ({@link ServerAction}).
 */
@Component
class ServerAccess {

    private final ServerRepository servers;
    private final CurrentUser currentUser;
    private final CatalogService catalog;
    private final HostReachability hosts;

    ServerAccess(ServerRepository servers, CurrentUser currentUser, CatalogService catalog, HostReachability hosts) {
        this.servers = servers;
        this.currentUser = currentUser;
        this.catalog = catalog;
        this.hosts = hosts;
    }

    /** The server, if the caller may see it. */
    Server owned(long id) {
        Actor actor = currentUser.require();
        return servers.findById(id)
                .filter(s -> s.getStatus() != ServerStatus.DELETED)
                .filter(s -> actor.mayAccess(s.getAccountId()))
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.server-not-found")));
    }

    /** The server, if the caller may change it now: theirs, not a read-only visit, not suspended, its host up, not busy. */
    Server forAction(long id) {
        Server server = owned(id);
        activeActor().requireMayChange(server.getAccountId());
        return settled(server);
    }

    /**
     * The server, for staff acting on where it runs rather than on what it holds (moving it to
     * another host): no visit as its owner needed (the caller's role is checked by the service),
     * its host up, not busy.
     */
    Server forHostAction(long id) {
        return settled(owned(id));
    }

    private Server settled(Server server) {
        requireHostReachable(server);
        if (server.getOperation() != null) {
            throw new ConflictException(UserMessage.of("error.server.busy-try-again", busyWith(server)));
        }
        return server;
    }

    /** The server, if the caller may take {@code action} on it now: {@link #forAction(long)}, then {@link #require}. */
    Server forAction(ServerAction action, long id) {
        Server server = forAction(id);
        require(action, server);
        return server;
    }

    /**
     * Refuses every action on a server whose host is down (503, retry later): nothing there can
     * be done or even known until the host is back, which needs nobody's action. Asked afresh
     * each time, so the first request after the host's next heartbeat goes through.
     */
    void requireHostReachable(Server server) {
        if (server.getHost() != null && hosts.unreachableHosts().contains(server.getHost())) {
            throw hostUnreachable();
        }
    }

    static UnavailableException hostUnreachable() {
        return new UnavailableException(UserMessage.of("error.server.host-unreachable"));
    }

    /** The actor, if they may change things: not a read-only support session, not suspended. */
    Actor activeActor() {
        return currentUser.requireMayChange();
    }

    /** Refuses an action the server's status or OS does not allow. */
    void require(ServerAction action, Server server) {
        UserMessage why = action.refusal(server.getStatus(), () -> isLinux(server), server.getIsoId() != null);
        if (why != null) {
            throw new ConflictException(why);
        }
    }

    boolean isLinux(Server server) {
        return catalog.image(server.getImageId()).osFamily() == OsFamily.LINUX;
    }

    /** One operation at a time per server: a second request is refused with what the first is doing. */
    static UserMessage busyWith(Server server) {
        return UserMessage.of("server.doing." + (server.isQueued() ? ServerStatus.QUEUED : server.getStatus()).apiName());
    }
}
