package com.virtpanel.console;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The gate in front of the relay endpoint at /console/relay/{serverId}, where the panel instance
 * that holds a person's session forwards a console it granted to an instance of the guest's host.
 * The relay ticket in its header is used up and must be one for this server, whose guest runs on
 * this host; there is no browser here, so no Origin and no session. A refusal is a plain 403.
 */
@Component
class RelayHandshake implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RelayHandshake.class);

    private final ConsoleTickets tickets;

    RelayHandshake(ConsoleTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        String remote = servlet.getServletRequest().getRemoteAddr();
        long serverId = ConsoleHandshake.serverId(servlet.getServletRequest().getRequestURI());
        ConsoleTickets.Outcome outcome = tickets.redeemRelay(request.getHeaders().getFirst(HostRelayEnd.TICKET_HEADER),
                serverId, remote);
        if (!outcome.ok()) {
            log.info("Console forwarding refused from {}: {} for server {}", remote, outcome.refusal(), serverId);
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(ConsoleHandshake.GRANT, outcome.grant());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing was begun before the upgrade
    }
}
