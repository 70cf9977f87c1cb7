package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.PanelException;
import java.util.EnumMap;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's servers as they see them, for the UI, the REST API and the other modules: every
 * method that takes a server id checks that the caller owns it (or is staff); a server that is
 * not theirs is "not found", exactly like one that does not exist. What changes servers lives
 * in {@link ServerOrders}, {@link ServerPower} and {@link ServerChanges}.
 */
@Service
@Transactional(readOnly = true)
public class ServerService {

    private final ServerRepository servers;
    private final CurrentUser currentUser;
    private final ServerAccess access;
    private final ServerInfos infos;
    private final GuestBlueprint blueprint;

    ServerService(ServerRepository servers, CurrentUser currentUser, ServerAccess access, ServerInfos infos,
            GuestBlueprint blueprint) {
        this.blueprint = blueprint;
        this.servers = servers;
        this.currentUser = currentUser;
        this.access = access;
        this.infos = infos;
    }

    /** The caller's servers; staff see everyone's. */
    public List<ServerInfo> list() {
        Actor actor = currentUser.require();
        List<Server> found = seesEveryone(actor)
                ? servers.findByStatusNotOrderByCreatedAt(ServerStatus.DELETED)
                : servers.findByAccountIdAndStatusNotOrderByCreatedAt(actor.accountId(), ServerStatus.DELETED);
        return infos.of(found);
    }

    /**
     * The ids of the servers {@link #list()} shows, oldest first, without making each one's view:
     * for what every page asks, such as whether one of them is throttled.
     */
    public List<Long> ids() {
        Actor actor = currentUser.require();
        return seesEveryone(actor)
                ? servers.findIdsByStatusNot(ServerStatus.DELETED)
                : servers.findIdsByAccountIdAndStatusNot(actor.accountId(), ServerStatus.DELETED);
    }

    /** Staff acting as themselves; while they act as a customer they see that customer's. */
    private static boolean seesEveryone(Actor actor) {
        return actor.isStaff() && !actor.isImpersonated();
    }

    /** A customer's servers, for staff pages. */
    public List<ServerInfo> listOf(long accountId) {
        Actor actor = currentUser.require();
        if (!actor.mayAccess(accountId)) {
            throw new NotFoundException(UserMessage.of("error.server.account-not-found"));
        }
        return infos.of(servers.findByAccountIdAndStatusNotOrderByCreatedAt(accountId, ServerStatus.DELETED));
    }

    public ServerInfo get(long id) {
        return infos.of(access.owned(id));
    }

    /** The caller's server's addresses: its IPv4 address and, when it has one, its IPv6 address (::1 of its /64). */
    public List<ServerAddress> addresses(long id) {
        return blueprint.addressesOf(access.owned(id));
    }

    /**
     * What the caller may do to the server now, each with the reason when not: the checks the
     * actions make (may the caller act, is the server busy, its status, its OS), asked without
     * acting, so views and the API offer only what will work.
     */
    public AllowedActions allowedActions(long id) {
        return allowedActions(access.owned(id));
    }

    /** {@link #get} and {@link #allowedActions} together, in one transaction. */
    public ServerWithActions withActions(long id) {
        Server server = access.owned(id);
        return new ServerWithActions(infos.of(server), allowedActions(server));
    }

    private AllowedActions allowedActions(Server server) {
        long id = server.getId();
        UserMessage refusedForAll = null;
        try {
            access.forAction(id);
        } catch (PanelException refused) { // a read-only visit, staff outside a visit, a suspended account, busy
            refusedForAll = refused.message();
        }
        boolean linux = access.isLinux(server);
        var actions = new EnumMap<ServerAction, AllowedActions.Allowance>(ServerAction.class);
        for (ServerAction action : ServerAction.values()) {
            UserMessage why = refusedForAll != null ? refusedForAll : action.refusal(server.getStatus(), () -> linux,
                    server.getIsoId() != null);
            actions.put(action, new AllowedActions.Allowance(why == null, why));
        }
        return new AllowedActions(id, actions);
    }
}
