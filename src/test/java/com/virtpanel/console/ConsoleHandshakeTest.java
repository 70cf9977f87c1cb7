package com.virtpanel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.virtpanel.account.CurrentUser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.socket.WebSocketHandler;

/**
 * The handshake begins connecting to the VNC address of a used-up ticket while the ticket's
 * bindings are checked: a granted ticket hands that connection to the relay, a refused one
 * (or a failed upgrade) drops it without a byte read or written.
 */
class ConsoleHandshakeTest {

    final ConsoleTickets tickets = mock(ConsoleTickets.class);
    final ConsoleTargets targets = mock(ConsoleTargets.class);
    final CurrentUser currentUser = mock(CurrentUser.class);
    final ConsoleHandshake handshake = new ConsoleHandshake(
            new OriginPolicy(new ConsoleProperties(null, List.of("https://panel.example"), 65536, null)), tickets, targets,
            currentUser);
    final ServerSocket vnc;
    final Map<String, Object> attributes = new HashMap<>();

    ConsoleHandshakeTest() throws IOException {
        vnc = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        vnc.setSoTimeout(5000);
        when(currentUser.find()).thenReturn(Optional.empty());
    }

    @AfterEach
    void close() throws IOException {
        vnc.close();
    }

    @Test
    void aGrantedTicketHandsTheConnectionBegunDuringTheChecksToTheRelay() throws Exception {
        answer(ConsoleTickets.Outcome.granted(grant(address())));
        MockHttpServletRequest request = upgrade();
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(before(request, response)).isTrue();
        try (Socket guestSide = vnc.accept()) {
            VncDial dial = (VncDial) attributes.get(ConsoleHandshake.DIAL);
            assertThat(dial).isNotNull();
            response.setStatus(101);
            after(request, response);
            SocketChannel relayed = dial.finish(5000);
            guestSide.getOutputStream().write("RFB 003.008\n".getBytes());
            ByteBuffer greeting = ByteBuffer.allocate(12);
            while (greeting.hasRemaining() && relayed.read(greeting) >= 0) {
                // the bytes QEMU wrote while the ticket was checked are all there
            }
            assertThat(new String(greeting.array())).isEqualTo("RFB 003.008\n");
            relayed.close();
        }
    }

    @Test
    void aTicketRefusedAfterItNamedItsAddressDropsTheConnectionUnread() throws Exception {
        answer(ConsoleTickets.Outcome.refused("ticket for another session"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(before(upgrade(), response)).isFalse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(attributes).doesNotContainKeys(ConsoleHandshake.GRANT, ConsoleHandshake.DIAL);
        try (Socket guestSide = vnc.accept()) {
            assertThat(guestSide.getInputStream().read()).as("closed without a byte").isEqualTo(-1);
        }
    }

    @Test
    void anUpgradeThatFailsAfterTheGrantDropsTheConnection() throws Exception {
        answer(ConsoleTickets.Outcome.granted(grant(address())));
        MockHttpServletRequest request = upgrade();
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(before(request, response)).isTrue();
        response.setStatus(400); // e.g. no Sec-WebSocket-Key
        after(request, response);
        try (Socket guestSide = vnc.accept()) {
            assertThat(guestSide.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aForeignOriginNeverReachesTheTicket() {
        MockHttpServletRequest request = upgrade();
        request.removeHeader("Origin");
        request.addHeader("Origin", "https://evil.example");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(before(request, response)).isFalse();
        assertThat(response.getStatus()).isEqualTo(403);
        org.mockito.Mockito.verifyNoInteractions(tickets);
    }

    @Test
    void aGuestOnAnotherHostIsForwardedToThatHostsRelayAndNothingIsDialledHere() {
        when(tickets.redeem(any(), any())).thenReturn(ConsoleTickets.Outcome.granted(grant(null)));
        when(targets.here(7)).thenReturn(false);
        URI relay = URI.create("ws://10.0.0.5:8080/console/relay/7");
        when(targets.relay(7)).thenReturn(Optional.of(relay));

        assertThat(before(upgrade(), new MockHttpServletResponse())).isTrue();
        ConsoleGrant granted = (ConsoleGrant) attributes.get(ConsoleHandshake.GRANT);
        assertThat(granted.via()).isEqualTo(relay);
        assertThat(granted.target()).isNull();
        assertThat(granted.forwarded()).as("audited here, where the person is").isFalse();
        assertThat(attributes).doesNotContainKey(ConsoleHandshake.DIAL);
        org.mockito.Mockito.verify(targets, org.mockito.Mockito.never()).of(any());
    }

    @Test
    void aGuestOnAHostThatNeverSaidWhereItsConsolesGoIsRefused() {
        when(tickets.redeem(any(), any())).thenReturn(ConsoleTickets.Outcome.granted(grant(null)));
        when(targets.here(7)).thenReturn(false);
        when(targets.relay(7)).thenReturn(Optional.empty());
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(before(upgrade(), response)).isFalse();
        assertThat(response.getStatus()).isEqualTo(409);
    }

    private InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", vnc.getLocalPort());
    }

    /** The ticket service names the stored address (as it does once the ticket is used up), then decides. */
    @SuppressWarnings("unchecked")
    private void answer(ConsoleTickets.Outcome outcome) {
        when(tickets.redeem(any(), any())).thenAnswer(call -> {
            ((Consumer<InetSocketAddress>) call.getArgument(1)).accept(address());
            return outcome;
        });
    }

    private static ConsoleGrant grant(InetSocketAddress target) {
        return new ConsoleGrant(1, 7, "vp-test-7", 10, 10, "a@example.com", 10, "a@example.com", "127.0.0.1", target);
    }

    private static MockHttpServletRequest upgrade() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", ConsoleTickets.PATH + "7");
        request.addHeader("Origin", "https://panel.example");
        request.setParameter("ticket", "x".repeat(43));
        return request;
    }

    private boolean before(MockHttpServletRequest request, MockHttpServletResponse response) {
        return handshake.beforeHandshake(new ServletServerHttpRequest(request), new ServletServerHttpResponse(response),
                mock(WebSocketHandler.class), attributes);
    }

    private void after(MockHttpServletRequest request, MockHttpServletResponse response) {
        handshake.afterHandshake(new ServletServerHttpRequest(request), new ServletServerHttpResponse(response),
                mock(WebSocketHandler.class), null);
    }
}
