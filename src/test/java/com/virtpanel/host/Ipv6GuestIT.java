package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two guests with their own /64s on one bridge. The first gets its IPv6 address from the seed;
 * the host reaches it by ping and TCP through the route to its /64. The second takes an
 * address in the first one's /64 and sends from it: a counter on the host's bridge sees none
 * of it, while the second guest's own address works before and after. Traffic only between
 * this machine and its own guests, in bounded loops.
 */
@IntegrationTest
class Ipv6GuestIT {

    static final int GUEST_PORT = 7006;
    static final int HOST_PORT = 5816;
    static final String PROBE_TABLE = "vp_" + DemoGuests.TEST_ID + "_ipv6_probe";

    static DemoGuests guests;

    @AfterAll
    static void cleanUp() {
        Shell.run("nft", "delete", "table", "inet", PROBE_TABLE);
        if (guests != null) {
            guests.removeAll();
        }
    }

    @Test
    void aGuestIsReachedOnItsOwnSlash64AndItsNeighbourCannotSendFromIt(@Autowired Volumes volumes,
            @Autowired Domains domains, @Autowired HostProperties properties) throws Exception {
        guests = new DemoGuests(volumes, domains, properties);
        guests.removeAll();
        Ipv6Plan plan = properties.network().ipv6();
        String bridge = properties.network().bridge();
        String gateway = plan.gateway();
        String first = plan.address(101);
        String stolen = plan.network(101) + "2";
        String second = plan.address(102);

        String one = guests.defineWithIpv6("v6-one", 31, 101, List.of(
                "printf '#!/bin/sh\\necho hello-over-ipv6\\n' > /tmp/hello; chmod +x /tmp/hello",
                "nc -ll -p " + GUEST_PORT + " -e /tmp/hello"));
        domains.start(one);
        Await.until("the first guest to announce its IPv6 address", Duration.ofMinutes(4), () -> serial(domains, one),
                s -> s.contains("ipv6=" + first + "/64") && s.contains("virtpanel-demo ready"));
        assertThat(Shell.run("ip", "-6", "route", "show", plan.network(101) + "/64").output())
                .as("the host routes the first guest's /64 to the guest's link-local address")
                .contains("via " + Ipv6Plan.linkLocal(guests.mac(31))).contains("dev " + bridge);

        Await.until("the host to ping the first guest over IPv6", Duration.ofMinutes(2),
                () -> reachable(first), ok -> ok);
        Await.until("a TCP answer from the first guest over IPv6", Duration.ofMinutes(1), () -> tcpGreeting(first), s -> s.contains("hello-over-ipv6"));

        countFromTheBridge(bridge, stolen);
        try (var host = new Listener(gateway, HOST_PORT)) {
            String two = guests.defineWithIpv6("v6-two", 32, 102, List.of(
                    "sleep 2",
                    "echo honest | nc -w 3 " + gateway + " " + HOST_PORT,
                    "ip -6 addr add " + stolen + "/64 dev eth0; sleep 3",
                    "ping6 -c 3 -W 1 -I " + stolen + " " + gateway,
                    "ip -6 addr del " + stolen + "/64 dev eth0",
                    "echo done | nc -w 3 " + gateway + " " + HOST_PORT));
            domains.start(two);

            Await.until("the second guest to finish its probe", Duration.ofMinutes(4),
                    () -> host.from(second), s -> s.contains("done"));
            assertThat(host.from(second)).contains("honest");
            assertThat(host.from(stolen)).as("what the host accepted from the stolen address").isEmpty();
            assertThat(packetsCounted()).as("packets from the first guest's /64 sent by the second guest").isZero();
        }
    }

    /** A host-side nftables counter (this test's own table) of packets from {@code source} arriving on the bridge. */
    private static void countFromTheBridge(String bridge, String source) {
        Shell.run("nft", "delete", "table", "inet", PROBE_TABLE);
        assertThat(Shell.run("nft", "add", "table", "inet", PROBE_TABLE).ok()).isTrue();
        assertThat(Shell.run("nft", "add", "chain", "inet", PROBE_TABLE, "probe",
                "{ type filter hook prerouting priority -300; }").ok()).isTrue();
        var rule = Shell.run("nft", "add", "rule", "inet", PROBE_TABLE, "probe", "iifname", bridge, "ip6", "saddr", source,
                "counter");
        assertThat(rule.ok()).as(rule.output()).isTrue();
    }

    private static long packetsCounted() {
        String listing = Shell.run("nft", "list", "table", "inet", PROBE_TABLE).output();
        var m = java.util.regex.Pattern.compile("counter packets (\\d+)").matcher(listing);
        assertThat(m.find()).as(listing).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** An ICMPv6 echo from the host (Java sends a real one as root). */
    private static boolean reachable(String address) {
        try {
            return InetAddress.getByName(address).isReachable(2000);
        } catch (IOException e) {
            return false;
        }
    }

    private static String tcpGreeting(String address) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName(address), GUEST_PORT), 2000);
            s.setSoTimeout(3000);
            return new String(s.getInputStream().readNBytes(64), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String serial(Domains domains, String name) {
        try {
            return java.nio.file.Files.readString(domains.serialLog(name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** A TCP listener on the host's link address that remembers who sent what. */
    static final class Listener implements AutoCloseable {

        private final ServerSocket socket;
        private final Map<String, String> received = new ConcurrentHashMap<>();

        Listener(String address, int port) throws IOException {
            socket = new ServerSocket(port, 10, InetAddress.getByName(address));
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket peer = socket.accept(); InputStream in = peer.getInputStream()) {
                        peer.setSoTimeout(5000);
                        String text = new String(in.readNBytes(64), StandardCharsets.UTF_8);
                        received.merge(peer.getInetAddress().getHostAddress(), text, String::concat);
                    } catch (IOException closed) {
                        // closed, or a peer that went away
                    }
                }
            }, "ipv6-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** What each peer sent, by its address in the plan's notation. */
        Map<String, String> received() {
            return received;
        }

        String from(String address) {
            try {
                return received.getOrDefault(InetAddress.getByName(address).getHostAddress(), "");
            } catch (IOException e) {
                throw new IllegalArgumentException(address, e);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
