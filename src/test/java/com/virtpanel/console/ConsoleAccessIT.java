package com.virtpanel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.Sha256;
import com.virtpanel.host.Domains;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerPower;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.MutableClock;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.WebLogin;
import com.virtpanel.testkit.WsClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who gets a console and who does not, through a real WebSocket against a real guest's VNC
 * server: tickets are single use, expire, belong to one person, session and server, and only
 * the panel's own pages may use them. Live consoles end when access ends.
 */
@IntegrationTest
@Import(ConsoleAccessIT.Config.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAccessIT {

    static final String ROOT_PASSWORD = "Console-test-42x";

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        EventLog consoleEventLog() {
            return new EventLog();
        }
    }

    /** Records console events as the audit module would hear them. */
    static class EventLog {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ConsoleEvents.Opened e) {
            events.add(e);
        }

        @EventListener
        void on(ConsoleEvents.Closed e) {
            events.add(e);
        }
    }

    @Autowired ConsoleTickets tickets;
    @Autowired ConsoleSessions sessions;
    @Autowired ServerOrders serverOrders;
    @Autowired ServerPower serverPower;
    @Autowired ServerChanges serverChanges;
    @Autowired AccountService accounts;
    @Autowired ApiTokenService apiTokens;
    @Autowired MutableClock clock;
    @Autowired EventLog log;
    @Autowired Guests guests;
    @Autowired Domains domains;
    @Autowired JdbcTemplate jdbc;
    @Value("${local.server.port}") int port;

    static AccountSummary alice;
    static AccountSummary bob;
    static ServerInfo server;
    static String aliceSession;
    static String bobSession;

    @BeforeAll
    static void aRunningServer(@Autowired Users users, @Autowired ServerOrders serverOrders, @Autowired Guests guests,
            @Value("${local.server.port}") int port) {
        DemoImage.require();
        alice = users.newCustomer();
        bob = users.newCustomer();
        ServerInfo ordered = Users.as(alice, () -> serverOrders.order(new OrderRequest("console-a", "nano", "demo", List.of(),
                ROOT_PASSWORD, null)));
        server = guests.awaitStatus(alice, ordered.id(), ServerStatus.RUNNING);
        aliceSession = WebLogin.sessionId(port, alice.email(), Users.PASSWORD);
        bobSession = WebLogin.sessionId(port, bob.email(), Users.PASSWORD);
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    @Order(1)
    void aValidTicketOpensTheGuestsVncServerAndTheOpeningIsAudited() throws IOException {
        ConsoleTicket ticket = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        assertThat(ticket.ticket()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        assertThat(ticket.expiresAt()).isBefore(clock.instant().plusSeconds(61));
        assertThat(ticket.toString()).doesNotContain(ticket.ticket());
        try (WsClient ws = open(ticket.path(), aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(101);
            assertThat(new String(ws.readExactly(12), StandardCharsets.US_ASCII)).startsWith("RFB 003.");
            Await.until("the console to be registered", Duration.ofSeconds(10), sessions::openCount, n -> n == 1);
        }
        Await.until("the console to end", Duration.ofSeconds(10), sessions::openCount, n -> n == 0);
        var opened = Await.until("an Opened event", Duration.ofSeconds(10), () -> events(ConsoleEvents.Opened.class), l -> !l.isEmpty()).get(0);
        var closed = Await.until("a Closed event", Duration.ofSeconds(10), () -> events(ConsoleEvents.Closed.class), l -> !l.isEmpty()).get(0);
        assertThat(opened.serverId()).isEqualTo(server.id());
        assertThat(opened.accountId()).isEqualTo(alice.id());
        assertThat(opened.realAccountId()).isEqualTo(alice.id());
        assertThat(opened.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(closed.consoleId()).isEqualTo(opened.consoleId());
        assertThat(closed.reason()).isEqualTo("closed");
        assertThat(closed.duration().isNegative()).isFalse();
    }

    @Test
    @Order(2)
    void aReusedTicketIsRefused() throws IOException {
        ConsoleTicket ticket = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        try (WsClient first = open(ticket.path(), aliceSession, own())) {
            assertThat(first.status()).isEqualTo(101);
            try (WsClient second = open(ticket.path(), aliceSession, own())) {
                assertThat(second.status()).isEqualTo(403);
            }
        }
        try (WsClient third = open(ticket.path(), aliceSession, own())) {
            assertThat(third.status()).isEqualTo(403);
        }
    }

    @Test
    @Order(3)
    void anExpiredTicketIsRefused() throws IOException {
        ConsoleTicket ticket = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        clock.advance(Duration.ofSeconds(61));
        try (WsClient ws = open(ticket.path(), aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        assertThat(sessions.openCount()).isZero();
    }

    @Test
    @Order(4)
    void anotherCustomersTicketIsRefusedAndTheyCannotGetOneForThisServer() throws IOException {
        assertThatThrownBy(() -> Users.as(bob, () -> tickets.forSession(server.id(), bobSession)))
                .isInstanceOf(NotFoundException.class);
        // Alice's ticket, presented from Bob's session (a leaked or forwarded link):
        ConsoleTicket alices = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        try (WsClient ws = open(alices.path(), bobSession, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        // ... and it is spent now, even for Alice:
        try (WsClient ws = open(alices.path(), aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        assertThat(sessions.openCount()).isZero();
    }

    @Test
    @Order(5)
    void aTicketWithoutItsSessionOrForAnotherServerIsRefused() throws IOException {
        ConsoleTicket noCookie = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        try (WsClient ws = open(noCookie.path(), null, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        ConsoleTicket other = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        String elsewhere = other.path().replace("/console/ws/" + server.id(), "/console/ws/" + (server.id() + 1000));
        try (WsClient ws = open(elsewhere, aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        try (WsClient ws = open("/console/ws/" + server.id() + "?ticket=guessed", aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        try (WsClient ws = open("/console/ws/" + server.id(), aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
    }

    @Test
    @Order(6)
    void aForeignOriginIsRefusedBeforeTheTicketIsTouched() throws IOException {
        ConsoleTicket ticket = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        try (WsClient ws = open(ticket.path(), aliceSession, "https://evil.example")) {
            assertThat(ws.status()).isEqualTo(403);
        }
        try (WsClient ws = open(ticket.path(), aliceSession, null)) {
            assertThat(ws.status()).isEqualTo(403); // a browser always sends Origin; only API clients may not
        }
        assertThat(sessions.openCount()).isZero();
        try (WsClient ws = open(ticket.path(), aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(101);
        }
    }

    @Test
    @Order(7)
    void anApiTicketNeedsTheBearerTokenOfTheSameAccount() throws IOException {
        String alicesToken = apiTokens.issueSessionToken(alice.id()).token();
        String bobsToken = apiTokens.issueSessionToken(bob.id()).token();
        ConsoleTicket forBob = Users.as(alice, () -> tickets.forApi(server.id()));
        try (WsClient ws = WsClient.connect("localhost", port, forBob.path(), Map.of("Authorization", "Bearer " + bobsToken))) {
            assertThat(ws.status()).isEqualTo(403);
        }
        ConsoleTicket bare = Users.as(alice, () -> tickets.forApi(server.id()));
        try (WsClient ws = WsClient.connect("localhost", port, bare.path(), Map.of())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        ConsoleTicket ticket = Users.as(alice, () -> tickets.forApi(server.id()));
        try (WsClient ws = WsClient.connect("localhost", port, ticket.path(), Map.of("Authorization", "Bearer " + alicesToken))) {
            assertThat(ws.status()).isEqualTo(101);
            assertThat(new String(ws.readExactly(12), StandardCharsets.US_ASCII)).startsWith("RFB 003.");
        }
    }

    @Test
    @Order(8)
    void theVncAddressStoredWithTheTicketIsWhereTheUpgradeGoesAndOnlyOneOfTenSimultaneousUpgradesGetsIt() throws Exception {
        ConsoleTicket ticket = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        String hash = Sha256.hex(ticket.ticket());
        Map<String, Object> stored = jdbc.queryForMap("select vnc_host, vnc_port from console_ticket where token_hash = ?", hash);
        assertThat(stored.get("vnc_port")).isEqualTo(domains.vnc(server.domain()).orElseThrow().port());
        assertThat(stored.get("vnc_host")).isEqualTo("127.0.0.1");
        try (ServerSocket elsewhere = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // The ticket now says VNC is elsewhere: the upgrade must go there, with no lookup of its own.
            jdbc.update("update console_ticket set vnc_port = ? where token_hash = ?", elsewhere.getLocalPort(), hash);
            Thread greeter = new Thread(() -> {
                try (Socket s = elsewhere.accept()) {
                    s.getOutputStream().write("NOT-QEMU-VNC".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read(); // until the client goes
                } catch (IOException ignored) {
                    // the test has its answer
                }
            });
            greeter.start();
            List<WsClient> attempts = Together.run(10, i -> open(ticket.path(), aliceSession, own()));
            List<WsClient> upgraded = new ArrayList<>();
            int refused = 0;
            for (WsClient ws : attempts) {
                if (ws.status() == 101) {
                    upgraded.add(ws);
                } else {
                    assertThat(ws.status()).isEqualTo(403);
                    refused++;
                    ws.close();
                }
            }
            assertThat(upgraded).hasSize(1);
            assertThat(refused).isEqualTo(9);
            try (WsClient ws = upgraded.get(0)) {
                assertThat(new String(ws.readExactly(12), StandardCharsets.US_ASCII)).isEqualTo("NOT-QEMU-VNC");
            }
            greeter.join(10_000);
        }
        Await.until("the console to end", Duration.ofSeconds(10), sessions::openCount, n -> n == 0);
    }

    @Test
    @Order(8)
    void theRelayEndpointTakesARelayTicketOnceAndNoOtherAndTheCustomersEndpointNeverTakesOne() throws IOException {
        ConsoleGrant granted = new ConsoleGrant(0, server.id(), server.domain(), alice.id(), alice.id(), alice.email(), alice.id(),
                alice.email(), "127.0.0.1", null);
        // a relay ticket at the customers' endpoint, even with the person's session: refused
        String misplaced = tickets.forRelay(granted);
        try (WsClient ws = open(ConsoleTickets.PATH + server.id() + "?ticket=" + misplaced, aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        // a customer's ticket at the relay endpoint: refused
        ConsoleTicket customers = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        try (WsClient ws = relay(customers.ticket())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        // a relay ticket at the relay: the guest's VNC server greets, once; the opening was audited by
        // the forwarding instance, so it is not audited here again
        int openings = events(ConsoleEvents.Opened.class).size();
        String relayTicket = tickets.forRelay(granted);
        try (WsClient ws = relay(relayTicket)) {
            assertThat(ws.status()).isEqualTo(101);
            assertThat(new String(ws.readExactly(12), StandardCharsets.US_ASCII)).startsWith("RFB 003.");
            try (WsClient again = relay(relayTicket)) {
                assertThat(again.status()).isEqualTo(403);
            }
        }
        assertThat(events(ConsoleEvents.Opened.class)).hasSize(openings);
        Await.until("the console to end", Duration.ofSeconds(10), sessions::openCount, n -> n == 0);
    }

    @Test
    @Order(9)
    void aTicketIssuedBeforeTheServerStoppedIsRefusedAfterItRunsAgain() throws IOException {
        ConsoleTicket ticket = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        raced(() -> Users.as(alice, () -> serverPower.powerOff(server.id())));
        guests.awaitStatus(alice, server.id(), ServerStatus.STOPPED);
        raced(() -> Users.as(alice, () -> serverPower.start(server.id())));
        server = guests.awaitStatus(alice, server.id(), ServerStatus.RUNNING);
        // its stored VNC address was that of the QEMU process that ended
        try (WsClient ws = open(ticket.path(), aliceSession, own())) {
            assertThat(ws.status()).isEqualTo(403);
        }
        try (WsClient ws = openConsole()) {
            assertThat(sessions.openCount()).isEqualTo(1);
        }
        Await.until("the console to end", Duration.ofSeconds(10), sessions::openCount, n -> n == 0);
    }

    @Test
    @Order(10)
    void powerOffEndsTheOpenConsoleWithServerStopped() throws IOException {
        try (WsClient ws = openConsole()) {
            raced(() -> Users.as(alice, () -> serverPower.powerOff(server.id())));
            assertThat(ws.awaitClose()).isEqualTo(4001);
            assertThat(ws.closeReason()).isEqualTo("server stopped");
        }
        assertThatThrownBy(() -> Users.as(alice, () -> tickets.forSession(server.id(), aliceSession)))
                .hasMessageContaining("running");
    }

    @Test
    @Order(11)
    void deletingTheServerEndsItsConsole() throws IOException {
        raced(() -> Users.as(alice, () -> serverPower.start(server.id())));
        guests.awaitStatus(alice, server.id(), ServerStatus.RUNNING);
        try (WsClient ws = openConsole()) {
            raced(() -> Users.as(alice, () -> serverChanges.delete(server.id())));
            assertThat(ws.awaitClose()).isEqualTo(4002);
        }
    }

    @Test
    @Order(12)
    void suspendingTheCustomerEndsTheirConsoles(@Autowired Users users) throws IOException {
        AccountSummary carol = users.newCustomer();
        ServerInfo ordered = Users.as(carol, () -> serverOrders.order(new OrderRequest("console-c", "nano", "demo", List.of(),
                ROOT_PASSWORD, null)));
        guests.awaitStatus(carol, ordered.id(), ServerStatus.RUNNING);
        String carolSession = WebLogin.sessionId(port, carol.email(), Users.PASSWORD);
        ConsoleTicket ticket = Users.as(carol, () -> tickets.forSession(ordered.id(), carolSession));
        try (WsClient ws = open(ticket.path(), carolSession, own())) {
            assertThat(ws.status()).isEqualTo(101);
            ws.readExactly(12);
            Users.as(users.admin(), () -> accounts.suspend(carol.id()));
            assertThat(ws.awaitClose()).isEqualTo(4003);
        }
        var closed = Await.until("the Closed event", Duration.ofSeconds(10),
                () -> events(ConsoleEvents.Closed.class).stream().filter(c -> c.serverId() == ordered.id()).toList(),
                l -> !l.isEmpty()).get(0);
        assertThat(closed.reason()).isEqualTo("access ended");
    }

    /** A libvirt lifecycle event may update the server's row at the same moment (server module): try again then. */
    private static void raced(java.util.function.Supplier<ServerInfo> action) {
        Await.until("the action to be accepted", Duration.ofSeconds(30), () -> {
            try {
                return action.get();
            } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
                return null;
            } catch (com.virtpanel.base.ConflictException alreadyDone) {
                return server; // the lost race had already applied it (libvirt's event won)
            }
        }, v -> v != null);
    }

    private WsClient openConsole() throws IOException {
        ConsoleTicket ticket = Users.as(alice, () -> tickets.forSession(server.id(), aliceSession));
        WsClient ws = open(ticket.path(), aliceSession, own());
        assertThat(ws.status()).isEqualTo(101);
        ws.readExactly(12);
        return ws;
    }

    private WsClient open(String path, String session, String origin) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (session != null) {
            headers.put("Cookie", "JSESSIONID=" + session);
        }
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return WsClient.connect("localhost", port, path, headers);
    }

    private WsClient relay(String ticket) throws IOException {
        return WsClient.connect("localhost", port, ConsoleTargets.RELAY_PATH + server.id(), Map.of(HostRelayEnd.TICKET_HEADER, ticket));
    }

    private String own() {
        return "http://localhost:" + port;
    }

    private <T> List<T> events(Class<T> type) {
        return log.events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
