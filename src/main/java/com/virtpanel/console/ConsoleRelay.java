package com.virtpanel.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * Relays bytes between a granted WebSocket and the guest's VNC socket. RFB is a byte stream,
 * so frame boundaries mean nothing: each message from the browser is written through as it
 * arrives, and each read from VNC becomes one frame.
 */
@Component
class ConsoleRelay extends AbstractWebSocketHandler implements SubProtocolCapable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRelay.class);
    private static final String LIVE = LiveConsole.class.getName();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ConsoleSessions sessions;
    private final ConsoleProperties properties;
    private final ConsoleTargets targets;
    private final ConsoleTickets tickets;
    private final ConsoleLifecycle lifecycle;
    private final Clock clock;
    /** For consoles forwarded to other hosts' instances; one client, so its threads are shared. */
    private final HttpClient relayClient = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    ConsoleRelay(ConsoleSessions sessions, ConsoleProperties properties, ConsoleTargets targets, ConsoleTickets tickets,
            ConsoleLifecycle lifecycle, Clock clock) {
        this.sessions = sessions;
        this.properties = properties;
        this.targets = targets;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession ws) throws IOException {
        ConsoleGrant grant = (ConsoleGrant) ws.getAttributes().get(ConsoleHandshake.GRANT);
        if (grant == null) {
            ws.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        ConsoleEnd vnc;
        try {
            vnc = grant.via() != null
                    ? HostRelayEnd.open(relayClient, grant.via(), tickets.forRelay(grant), CONNECT_TIMEOUT)
                    : ConsoleEnd.of(connect(grant, (VncDial) ws.getAttributes().remove(ConsoleHandshake.DIAL)));
        } catch (IOException e) {
            log.info("Console of server {}: {} not reachable ({})", grant.serverId(),
                    grant.via() != null ? "its host's panel instance" : "VNC", e.toString());
            ws.close(CloseReason.SERVER_STOPPED.status());
            return;
        }
        LiveConsole console = new LiveConsole(grant, ws, vnc, properties.bufferBytes(), clock.instant(), sessions::ended,
                () -> lifecycle.whyVncClosed(grant.serverId(), grant.ownerAccountId()));
        ws.getAttributes().put(LIVE, console);
        sessions.opened(console);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession ws, BinaryMessage message) throws IOException {
        LiveConsole console = live(ws);
        if (console != null) {
            console.toVnc(message.getPayload());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession ws, TextMessage message) throws IOException {
        ws.close(CloseStatus.NOT_ACCEPTABLE.withReason("binary frames only"));
    }

    @Override
    public void handleTransportError(WebSocketSession ws, Throwable exception) {
        LiveConsole console = live(ws);
        if (console != null) {
            console.close(CloseReason.CLIENT_CLOSED);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
        LiveConsole console = live(ws);
        if (console != null) {
            console.close(CloseReason.CLIENT_CLOSED);
        }
    }

    /** noVNC and websockify clients may ask for "binary"; plain clients ask for nothing. */
    @Override
    public List<String> getSubProtocols() {
        return List.of("binary");
    }

    private static LiveConsole live(WebSocketSession ws) {
        return (LiveConsole) ws.getAttributes().get(LIVE);
    }

    /**
     * The connection the handshake began to the address stored with the ticket. Should that
     * address no longer answer (QEMU was restarted behind the panel's back), libvirt is asked
     * where the guest's display is now, once.
     */
    private SocketChannel connect(ConsoleGrant grant, VncDial begun) throws IOException {
        VncDial dial = begun != null ? begun : VncDial.begin(grant.target());
        try {
            return dial.finish((int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException stale) {
            Optional<InetSocketAddress> now;
            try {
                now = targets.of(grant.domain());
            } catch (RuntimeException libvirtUnavailable) {
                throw stale;
            }
            if (now.isEmpty() || now.get().equals(dial.target())) {
                throw stale;
            }
            log.info("Console of server {}: VNC moved from {} to {}", grant.serverId(), dial.target(), now.get());
            return VncDial.begin(now.get()).finish((int) CONNECT_TIMEOUT.toMillis());
        }
    }
}
