package com.virtpanel.console;

import com.virtpanel.account.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The gate in front of the relay: the Origin, then the ticket (used up, then checked against
 * person, session and server), then the guest's VNC address. A refusal is a plain 403 before
 * the upgrade, so nothing ever reaches the VNC server. The connection to VNC is begun as soon
 * as the used-up ticket names its address, while the ticket's bindings are checked, and is
 * dropped unread if they fail. The ticket never appears in the log.
 */
@Component
class ConsoleHandshake implements HandshakeInterceptor {

    static final String GRANT = ConsoleGrant.class.getName();
    static final String DIAL = VncDial.class.getName();
    private static final Logger log = LoggerFactory.getLogger(ConsoleHandshake.class);
    private static final String BEARER = "Bearer ";

    private final OriginPolicy origins;
    private final ConsoleTickets tickets;
    private final ConsoleTargets targets;
    private final CurrentUser currentUser;

    ConsoleHandshake(OriginPolicy origins, ConsoleTickets tickets, ConsoleTargets targets, CurrentUser currentUser) {
        this.origins = origins;
        this.tickets = tickets;
        this.targets = targets;
        this.currentUser = currentUser;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return refuse(response, HttpStatus.FORBIDDEN, "?", "not a servlet request");
        }
        HttpServletRequest http = servlet.getServletRequest();
        String remote = http.getRemoteAddr();
        long serverId = serverId(http.getRequestURI());
        if (serverId < 0) {
            return refuse(response, HttpStatus.NOT_FOUND, remote, "no server in the path");
        }
        String bearer = bearer(request.getHeaders());
        // Browsers send Origin; only an API client (with its token) may come without one.
        boolean hasOrigin = request.getHeaders().getOrigin() != null;
        if (hasOrigin ? !origins.allows(request) : bearer == null) {
            return refuse(response, HttpStatus.FORBIDDEN, remote, hasOrigin ? "origin " + request.getHeaders().getOrigin() + " not allowed" : "no Origin and no API token");
        }
        AtomicReference<VncDial> dial = new AtomicReference<>();
        ConsoleTickets.Outcome outcome;
        try {
            outcome = tickets.redeem(new Presented(http.getParameter("ticket"), serverId, http.getRequestedSessionId(),
                    currentUser.find(), bearer, remote), vnc -> dial.set(VncDial.begin(vnc)));
        } catch (RuntimeException e) {
            closeDial(dial.get());
            throw e;
        }
        if (!outcome.ok()) {
            closeDial(dial.get());
            return refuse(response, HttpStatus.FORBIDDEN, remote, outcome.refusal() + " for server " + serverId);
        }
        ConsoleGrant grant = outcome.grant();
        if (grant.target() == null && !targets.here(serverId)) { // the guest is on another host: forwarded there
            Optional<URI> relay = targets.relay(serverId);
            if (relay.isEmpty()) {
                return refuse(response, HttpStatus.CONFLICT, remote, "the host of server " + serverId + " has no console address");
            }
            grant = grant.via(relay.get());
        } else if (grant.target() == null) { // a ticket issued before the address was stored with it
            Optional<InetSocketAddress> vnc = targets.of(grant.domain());
            if (vnc.isEmpty()) {
                return refuse(response, HttpStatus.CONFLICT, remote, "server " + serverId + " has no VNC display (not running)");
            }
            grant = grant.at(vnc.get());
        }
        attributes.put(GRANT, grant);
        if (dial.get() != null) {
            attributes.put(DIAL, dial.get()); // for the relay
            http.setAttribute(DIAL, dial.get()); // for afterHandshake, which does not see the attributes
        }
        return true;
    }

    /** An upgrade that failed after the ticket was granted (a malformed WebSocket request) drops its VNC connection. */
    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        if (!(request instanceof ServletServerHttpRequest servlet)
                || !(servlet.getServletRequest().getAttribute(DIAL) instanceof VncDial dial)) {
            return;
        }
        boolean upgraded = exception == null && response instanceof ServletServerHttpResponse out
                && out.getServletResponse().getStatus() == HttpStatus.SWITCHING_PROTOCOLS.value();
        if (!upgraded) {
            dial.close();
        }
    }

    private static void closeDial(VncDial dial) {
        if (dial != null) {
            dial.close();
        }
    }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status, String remote, String why) {
        log.info("Console refused from {}: {}", remote, why);
        response.setStatusCode(status);
        return false;
    }

    /** /console/ws/{id} → id; -1 when it is not a number. */
    static long serverId(String uri) {
        int slash = uri.lastIndexOf('/');
        String tail = slash < 0 ? uri : uri.substring(slash + 1);
        if (tail.isEmpty() || tail.length() > 18 || !tail.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(tail);
    }

    private static String bearer(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return value != null && value.startsWith(BEARER) ? value.substring(BEARER.length()).trim() : null;
    }
}
