package com.virtpanel.console;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Actor;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.account.PanelUser;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.Sha256;
import com.virtpanel.server.ServerAction;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console tickets: 256 random bits, single use, valid for at most 60 s, bound to the person,
 * the server and (for the browser) the HTTP session. Stored hashed in the database, so that
 * any panel instance can accept a ticket another one issued.
 */
@Service
@Transactional
public class ConsoleTickets {

    /** The WebSocket endpoint; the server id follows. */
    public static final String PATH = "/console/ws/";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Used and expired tickets are kept a while for forensics, then dropped. */
    private static final Duration KEEP = Duration.ofDays(1);

    private final TicketRepository tickets;
    private final TicketUse ticketUse;
    private final CurrentUser currentUser;
    private final ServerService servers;
    private final ServerDirectory directory;
    private final AccountService accounts;
    private final ApiTokenService apiTokens;
    private final ConsoleProperties properties;
    private final ConsoleTargets targets;
    private final Clock clock;

    ConsoleTickets(TicketRepository tickets, TicketUse ticketUse, CurrentUser currentUser, ServerService servers,
            ServerDirectory directory, AccountService accounts, ApiTokenService apiTokens, ConsoleProperties properties,
            ConsoleTargets targets, Clock clock) {
        this.tickets = tickets;
        this.ticketUse = ticketUse;
        this.currentUser = currentUser;
        this.servers = servers;
        this.directory = directory;
        this.accounts = accounts;
        this.apiTokens = apiTokens;
        this.properties = properties;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * A ticket for the console view: bound to the signed-in person and to this HTTP session,
     * so a ticket copied into another browser is refused.
     */
    public ConsoleTicket forSession(long serverId, String httpSessionId) {
        if (httpSessionId == null || httpSessionId.isBlank()) {
            throw new InvalidInputException("session", UserMessage.of("error.console.browser-console-needs-signed-session"));
        }
        return issue(serverId, Sha256.hex(httpSessionId));
    }

    /**
     * A ticket for an API client (POST /api/v1/servers/{id}/console). There is no HTTP session,
     * so it is bound to the token's account instead: the WebSocket upgrade must carry
     * {@code Authorization: Bearer <token>} of the same account.
     */
    public ConsoleTicket forApi(long serverId) {
        return issue(serverId, null);
    }

    private ConsoleTicket issue(long serverId, String sessionHash) {
        ServerInfo server = servers.get(serverId); // authorises: someone else's server is "not found"
        // A console is a keyboard on the server: no read-only visit, no suspended account, and
        // staff only inside a visit.
        Actor actor = currentUser.requireMayChange();
        actor.requireMayChange(server.accountId());
        server.requireHostReachable();
        if (!showsConsole(server.status())) {
            throw new ConflictException(UserMessage.of("error.console.console-available-while-server-running"));
        }
        // Looked up now rather than at the upgrade: the WebSocket handshake then costs no
        // libvirt round trip (the ticket is revoked if the server stops meanwhile). A guest on
        // another host is reached through that host's instances, which look it up themselves.
        InetSocketAddress vnc = !targets.here(serverId) ? null : targets.of(server.domain())
                .orElseThrow(() -> new ConflictException(UserMessage.of("error.console.console-available-while-server-running")));
        Instant now = clock.instant();
        tickets.deleteExpiredBefore(now.minus(KEEP));
        String ticket = newSecret();
        Instant expires = now.plus(properties.ticketTtl());
        tickets.save(new StoredTicket(Sha256.hex(ticket), serverId, actor.accountId(), actor.realAccountId(),
                sessionHash, now, expires, vnc));
        return new ConsoleTicket(ticket, PATH + serverId + "?ticket=" + ticket, expires);
    }

    /**
     * A relay ticket: lets this instance forward a console it granted to an instance of the
     * guest's host, once, within seconds. It carries the grant's accounts (for that instance's
     * checks against suspensions) and is accepted only at the relay endpoint.
     */
    String forRelay(ConsoleGrant grant) {
        String ticket = newSecret();
        Instant now = clock.instant();
        tickets.save(StoredTicket.relay(Sha256.hex(ticket), grant, now, now.plus(properties.ticketTtl())));
        return ticket;
    }

    /**
     * Redeems a relay ticket at this host's relay endpoint: used up first, then it must be a relay
     * ticket for this server, whose guest runs here. The grant points at the guest's VNC server and
     * is marked forwarded: the instance that forwards it checked the person and audited the opening.
     */
    Outcome redeemRelay(String presented, long serverId, String remoteAddress) {
        if (presented == null || !WELL_FORMED.matcher(presented).matches()) {
            return Outcome.refused("malformed relay ticket");
        }
        Optional<TicketUse.Used> used = ticketUse.useUp(Sha256.hex(presented), clock.instant());
        if (used.isEmpty()) {
            return Outcome.refused("unknown, used or expired relay ticket");
        }
        TicketUse.Used ticket = used.get();
        if (!ticket.relay() || ticket.serverId() != serverId) {
            return Outcome.refused(ticket.relay() ? "relay ticket for another server" : "a customer's ticket at the relay");
        }
        Optional<ServerRef> server = directory.find(serverId);
        if (server.isEmpty() || !showsConsole(server.get().status()) || !targets.here(serverId)) {
            return Outcome.refused("server not running on this host");
        }
        Optional<InetSocketAddress> vnc = targets.of(server.get().domain());
        if (vnc.isEmpty()) {
            return Outcome.refused("server has no VNC display here");
        }
        return Outcome.granted(grant(ticket, server.get(), holdersOf(ticket), remoteAddress, vnc.get()).asForwarded());
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * Redeems a ticket for a WebSocket upgrade. The ticket is used up first, atomically, so it
     * can never serve twice; only then are its bindings checked. Any mismatch refuses.
     * {@code whileChecking} hears the VNC address stored with a used-up ticket before those
     * checks, so that the caller can start connecting to it meanwhile (and must drop that
     * connection unless the outcome grants it).
     */
    Outcome redeem(Presented presented, Consumer<InetSocketAddress> whileChecking) {
        if (presented.ticket() == null || !WELL_FORMED.matcher(presented.ticket()).matches()) {
            return Outcome.refused("malformed ticket");
        }
        Instant now = clock.instant();
        String hash = Sha256.hex(presented.ticket());
        Optional<TicketUse.Used> used = ticketUse.useUp(hash, now);
        if (used.isEmpty()) {
            return Outcome.refused("unknown, used or expired ticket");
        }
        TicketUse.Used ticket = used.get();
        if (ticket.relay()) {
            return Outcome.refused("a relay ticket at the customers' endpoint");
        }
        ticket.target().ifPresent(whileChecking);
        if (ticket.serverId() != presented.serverId()) {
            return Outcome.refused("ticket for another server");
        }
        String bindingProblem = ticket.sessionHash() != null ? sessionBinding(ticket, presented) : tokenBinding(ticket, presented);
        if (bindingProblem != null) {
            return Outcome.refused(bindingProblem);
        }
        Optional<ServerRef> server = directory.find(ticket.serverId());
        if (server.isEmpty() || !showsConsole(server.get().status())) {
            return Outcome.refused("server not running");
        }
        Holders holders = holdersOf(ticket);
        AccountSummary account = holders.account();
        if (!account.role().isStaff() && server.get().accountId() != account.id()) {
            return Outcome.refused("server changed hands");
        }
        AccountSummary owner = server.get().accountId() == account.id() ? account : accounts.get(server.get().accountId());
        if (suspended(account) || suspended(holders.real()) || suspended(owner)) {
            return Outcome.refused("account suspended");
        }
        return Outcome.granted(grant(ticket, server.get(), holders, presented.remoteAddress(), ticket.vnc()));
    }

    /** The account a ticket was issued to, and the person really acting (staff acting as a customer). */
    private record Holders(AccountSummary account, AccountSummary real) {
    }

    private Holders holdersOf(TicketUse.Used ticket) {
        AccountSummary account = accounts.get(ticket.accountId());
        return new Holders(account, ticket.realAccountId() == ticket.accountId() ? account : accounts.get(ticket.realAccountId()));
    }

    private static ConsoleGrant grant(TicketUse.Used ticket, ServerRef server, Holders holders, String remoteAddress,
            InetSocketAddress vnc) {
        return new ConsoleGrant(ticket.id(), server.id(), server.domain(), server.accountId(), holders.account().id(),
                holders.account().email(), holders.real().id(), holders.real().email(), remoteAddress, vnc);
    }

    /**
     * The server stopped (or goes): its outstanding tickets can no longer open anything. A
     * transaction of its own: the callers listen after another transaction's commit.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void revokeFor(long serverId) {
        tickets.revokeForServer(serverId, clock.instant());
    }

    /** Browser tickets: the same session cookie, and the same person still signed in on it. */
    private static String sessionBinding(TicketUse.Used ticket, Presented presented) {
        if (presented.requestedSessionId() == null
                || !Hashes.same(ticket.sessionHash(), Sha256.hex(presented.requestedSessionId()))) {
            return "ticket for another session";
        }
        Optional<Actor> actor = presented.sessionActor();
        if (actor.isEmpty() || actor.get().accountId() != ticket.accountId()
                || actor.get().realAccountId() != ticket.realAccountId()) {
            return "session now belongs to someone else";
        }
        return null;
    }

    /** API tickets: the upgrade authenticates with a bearer token of the same account. */
    private String tokenBinding(TicketUse.Used ticket, Presented presented) {
        Optional<PanelUser> user = apiTokens.authenticate(presented.bearerToken());
        if (user.isEmpty() || user.get().accountId() != ticket.accountId()) {
            return "ticket for another account";
        }
        return null;
    }

    private static boolean suspended(AccountSummary account) {
        return account.status() == AccountStatus.SUSPENDED;
    }

    static boolean showsConsole(ServerStatus status) {
        return ServerAction.CONSOLE.permits(status);
    }

    /** The result of a redemption: a grant, or why not (for the log; the client only sees 403). */
    record Outcome(ConsoleGrant grant, String refusal) {

        static Outcome granted(ConsoleGrant grant) {
            return new Outcome(grant, null);
        }

        static Outcome refused(String why) {
            return new Outcome(null, why);
        }

        boolean ok() {
            return grant != null;
        }
    }
}
