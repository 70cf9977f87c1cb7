package com.virtpanel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Role;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/** Which live consoles end on which occasion: the registry's rules, with real sockets behind them. */
class ConsoleSessionsTest {

    static final long CUSTOMER = 10;
    static final long OTHER_CUSTOMER = 11;
    static final long STAFF = 20;

    final ConsoleAudit audit = mock(ConsoleAudit.class);
    final ConsoleSessions sessions = new ConsoleSessions(audit, Clock.systemUTC());
    final List<AutoCloseable> resources = new ArrayList<>();
    /** What the facts say when a console's guest side closes by itself (ConsoleLifecycle.whyVncClosed). */
    Supplier<CloseReason> facts = () -> CloseReason.SERVER_STOPPED;
    /** The guest's end of the last console opened: closing it is QEMU going away. */
    SocketChannel guestSide;

    @AfterEach
    void closeSockets() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    @Test
    void theEndOfAnImpersonationEndsOnlyTheConsolesOpenedDuringIt() throws IOException {
        WebSocketSession asCustomer = open(1, CUSTOMER, STAFF, CUSTOMER);
        WebSocketSession staffsOwn = open(2, OTHER_CUSTOMER, STAFF, STAFF);
        WebSocketSession customersOwn = open(1, CUSTOMER, CUSTOMER, CUSTOMER);

        assertThat(sessions.closeImpersonatedBy(STAFF)).isEqualTo(1);

        verify(asCustomer, timeout(5000)).close(eq(new CloseStatus(4003, "access ended")));
        awaitOpen(2);
        assertThat(sessions.open()).extracting(OpenConsole::realAccountId).containsExactlyInAnyOrder(STAFF, CUSTOMER);
        assertThat(staffsOwn.isOpen()).isTrue();
        assertThat(customersOwn.isOpen()).isTrue();
    }

    @Test
    void suspendingACustomerEndsConsolesOnTheirServersWhoeverOpenedThem() throws IOException {
        WebSocketSession support = open(1, CUSTOMER, STAFF, STAFF);
        WebSocketSession own = open(1, CUSTOMER, CUSTOMER, CUSTOMER);
        WebSocketSession unrelated = open(3, OTHER_CUSTOMER, OTHER_CUSTOMER, OTHER_CUSTOMER);

        assertThat(sessions.closeAllOf(CUSTOMER)).isEqualTo(2);

        verify(support, timeout(5000)).close(eq(new CloseStatus(4003, "access ended")));
        verify(own, timeout(5000)).close(eq(new CloseStatus(4003, "access ended")));
        awaitOpen(1);
        assertThat(sessions.open()).extracting(OpenConsole::serverId).containsExactly(3L);
        verify(audit, timeout(5000).times(2)).closed(any(), any());
    }

    @Test
    void aStoppedServerEndsItsConsolesWithServerStopped() throws IOException {
        WebSocketSession ws = open(5, CUSTOMER, CUSTOMER, CUSTOMER);
        assertThat(sessions.closeServer(5)).isEqualTo(1);
        verify(ws, timeout(5000)).close(eq(new CloseStatus(4001, "server stopped")));
        awaitOpen(0);
    }

    @Test
    void aConsoleWhoseGuestSideClosesEndsWithTheReasonTheFactsGive() throws IOException {
        facts = () -> CloseReason.SERVER_GONE; // a delete's job destroyed the guest before the request's listener closed the console
        WebSocketSession deleted = open(8, CUSTOMER, CUSTOMER, CUSTOMER);
        guestSide.close();
        verify(deleted, timeout(5000)).close(eq(new CloseStatus(4002, "server deleted or reinstalled")));

        facts = () -> {
            throw new IllegalStateException("database unreachable");
        };
        WebSocketSession unknown = open(9, CUSTOMER, CUSTOMER, CUSTOMER);
        guestSide.close();
        verify(unknown, timeout(5000)).close(eq(new CloseStatus(4001, "server stopped")));
        awaitOpen(0);
    }

    @Test
    void aConsoleWhoseBrowserStopsReadingIsDroppedAndItsGuestSocketClosed() throws Exception {
        WebSocketSession ws = open(6, CUSTOMER, CUSTOMER, CUSTOMER);
        CountDownLatch dropped = new CountDownLatch(1);
        doAnswer(send -> {
            dropped.await(); // the browser takes nothing until the connection is dropped
            throw new IOException("connection dropped");
        }).when(ws).sendMessage(any());
        doAnswer(close -> {
            dropped.countDown();
            return null;
        }).when(ws).close(any());
        LiveConsole console = sessions.snapshot().get(0);

        guestSide.write(ByteBuffer.wrap(new byte[] {1, 2, 3})); // the pump's send of it waits
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!console.abortIfStuck(Duration.ofMillis(200)) && System.nanoTime() < deadline) {
            assertThat(sessions.openCount()).isEqualTo(1);
            Thread.sleep(20);
        }

        awaitOpen(0);
        assertThat(console.reason()).isEqualTo(CloseReason.CLIENT_CLOSED);
        assertThat(guestSide.read(ByteBuffer.allocate(1))).as("the guest's VNC socket was closed").isEqualTo(-1);
        verify(ws, atLeastOnce()).close(CloseReason.CLIENT_CLOSED.status());
    }

    @Test
    void theRecheckEndsConsolesOfServersThatShowNoneWithTheReasonTheFactsGive() throws IOException {
        ServerDirectory directory = mock(ServerDirectory.class);
        AccountService accounts = mock(AccountService.class);
        when(accounts.get(anyLong())).thenAnswer(a -> new AccountSummary(a.getArgument(0), "a@example.com", Role.CUSTOMER,
                AccountStatus.ACTIVE, Instant.EPOCH));
        when(directory.find(31)).thenReturn(Optional.empty()); // deleted by another instance
        when(directory.find(32)).thenReturn(Optional.of(new ServerRef(32, CUSTOMER, "s", "vp-s", ServerStatus.REINSTALLING, 1)));
        when(directory.find(33)).thenReturn(Optional.of(new ServerRef(33, CUSTOMER, "s", "vp-s", ServerStatus.STOPPED, 1)));
        when(directory.find(34)).thenReturn(Optional.of(new ServerRef(34, CUSTOMER, "s", "vp-s", ServerStatus.RUNNING, 1)));
        WebSocketSession deleted = open(31, CUSTOMER, CUSTOMER, CUSTOMER);
        WebSocketSession reinstalling = open(32, CUSTOMER, CUSTOMER, CUSTOMER);
        WebSocketSession stopped = open(33, CUSTOMER, CUSTOMER, CUSTOMER);
        WebSocketSession running = open(34, CUSTOMER, CUSTOMER, CUSTOMER);
        ConsoleLifecycle lifecycle = new ConsoleLifecycle(sessions, mock(ConsoleTickets.class), accounts, directory);

        new ConsoleRecheck(sessions, directory, accounts, new ConsoleProperties(null, null, 4096, null), lifecycle).recheck();

        verify(deleted, timeout(5000)).close(eq(CloseReason.SERVER_GONE.status()));
        verify(reinstalling, timeout(5000)).close(eq(CloseReason.SERVER_GONE.status()));
        verify(stopped, timeout(5000)).close(eq(CloseReason.SERVER_STOPPED.status()));
        awaitOpen(1);
        verify(running, never()).close(any());
    }

    @Test
    void aConsoleThatIsNotSendingIsNeverTakenForStuck() throws IOException {
        open(4, CUSTOMER, CUSTOMER, CUSTOMER);
        assertThat(sessions.snapshot().get(0).abortIfStuck(Duration.ZERO)).isFalse();
        assertThat(sessions.openCount()).isEqualTo(1);
    }

    @Test
    void theGreetingVncSentBeforeTheRelayBeganGoesOutBeforeTheOpeningReturns() throws Exception {
        byte[] greeting = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
        WebSocketSession ws = open(7, CUSTOMER, CUSTOMER, CUSTOMER, greeting);
        // no timeout: sent on the opening thread, not by the pump started after it
        verify(ws).sendMessage(argThat(m -> m instanceof BinaryMessage b && b.getPayload().equals(ByteBuffer.wrap(greeting))));
    }

    /** A console of a server owned by {@code owner}, acting as {@code account}, held by {@code real}. */
    private WebSocketSession open(long serverId, long owner, long real, long account) throws IOException {
        return open(serverId, owner, real, account, new byte[0]);
    }

    /** ... whose VNC server sent {@code greeting} before the console opened. */
    private WebSocketSession open(long serverId, long owner, long real, long account, byte[] greeting) throws IOException {
        ServerSocketChannel vncServer = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        SocketChannel vnc = SocketChannel.open(vncServer.getLocalAddress());
        guestSide = vncServer.accept();
        resources.add(vncServer);
        resources.add(vnc);
        resources.add(guestSide);
        guestSide.write(ByteBuffer.wrap(greeting));
        WebSocketSession ws = mock(WebSocketSession.class);
        when(ws.isOpen()).thenReturn(true);
        var grant = new ConsoleGrant(serverId, serverId, "vp-test", owner, account, "a@example.com", real, "r@example.com",
                "127.0.0.1", (InetSocketAddress) vncServer.getLocalAddress());
        sessions.opened(new LiveConsole(grant, ws, ConsoleEnd.of(vnc), 4096, Clock.systemUTC().instant(), sessions::ended, facts));
        return ws;
    }

    private void awaitOpen(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sessions.openCount() != n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sessions.openCount()).isEqualTo(n);
    }
}
