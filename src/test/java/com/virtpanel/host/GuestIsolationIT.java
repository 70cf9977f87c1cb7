package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two tenants' guests on one bridge. The second takes the first one's address, announces it
 * with gratuitous ARP and connects to the host from it: nothing of that reaches the host, whose
 * neighbour table keeps the first guest's MAC, while the second guest's own address still
 * works. The host keeps the filter on a guest started outside the panel (virsh).
 * Traffic only between this machine and its own guests.
 */
@IntegrationTest
class GuestIsolationIT {

    static final int PORT = 5811;

    static DemoGuests guests;

    @AfterAll
    static void cleanUp() {
        if (guests != null) {
            guests.removeAll();
        }
    }

    @Test
    void aGuestCannotSendAsItsNeighbourNorTakeItsAddressInTheHostsArpTable(@Autowired Volumes volumes,
            @Autowired Domains domains, @Autowired HostProperties properties) throws Exception {
        guests = new DemoGuests(volumes, domains, properties);
        guests.removeAll();
        AddressPlan plan = AddressPlan.of(properties.network().cidr());
        String gateway = plan.gateway();
        String victim = guests.address(11);
        String attacker = guests.address(12);
        String bridge = properties.network().bridge();

        String first = guests.define("victim", 11, 128, DemoGuests.NANO, List.of(), true);
        domains.start(first);
        Await.until("the first guest to boot", Duration.ofMinutes(4), () -> serial(domains, first), s -> s.contains("virtpanel-demo ready"));
        Await.until("the host to reach the first guest", Duration.ofMinutes(2),
                () -> reachable(victim), ok -> ok);
        assertThat(neighbour(victim, bridge)).contains(guests.mac(11));

        try (var host = new Listener(gateway, PORT)) {
            String second = guests.define("attacker", 12, 128, DemoGuests.NANO, List.of(
                    "sleep 2",
                    "ip addr flush dev eth0; ip addr add " + victim + "/" + plan.prefix() + " dev eth0; ip route add default via " + gateway,
                    "arping -U -c 3 -I eth0 " + victim,
                    "echo spoofed | nc -w 3 " + gateway + " " + PORT,
                    "ip addr flush dev eth0; ip addr add " + attacker + "/" + plan.prefix() + " dev eth0; ip route add default via " + gateway,
                    "echo honest | nc -w 3 " + gateway + " " + PORT,
                    "echo isolation-probe-done"), true);
            domains.start(second);

            Await.until("the second guest to connect from its own address", Duration.ofMinutes(4),
                    () -> host.peers().contains(attacker), ok -> ok);
            assertThat(host.peers()).as("connections the host accepted").doesNotContain(victim);
            assertThat(neighbour(victim, bridge)).as("the host's neighbour entry for the first guest's address")
                    .contains(guests.mac(11)).doesNotContain(guests.mac(12));

            // started outside the panel, the guest is filtered all the same: libvirt applies the filter at every start
            Shell.virsh("destroy", second);
            Shell.virshStart(second);
            String tap = domains.interfaceDevice(second).orElseThrow();
            String rules = Shell.run("ebtables", "-t", "nat", "-L").output();
            assertThat(rules).contains("-i " + tap + " -j libvirt-I-" + tap);
            assertThat(rules).as("no DHCP server answers from guests").contains("--ip-sport 67");
        }
    }

    private static String serial(Domains domains, String name) {
        try {
            return java.nio.file.Files.readString(domains.serialLog(name), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** An ICMP echo from the host (Java sends a real one as root), which also fills its neighbour table. */
    private static boolean reachable(String address) {
        try {
            return InetAddress.getByName(address).isReachable(2000);
        } catch (IOException e) {
            return false;
        }
    }

    private static String neighbour(String address, String bridge) {
        return Shell.run("ip", "neigh", "show", address, "dev", bridge).output();
    }

    /** A TCP listener on the host's bridge address that remembers who connected. */
    static final class Listener implements AutoCloseable {

        private final ServerSocket socket;
        private final Set<String> peers = ConcurrentHashMap.newKeySet();
        private final Thread acceptor;

        Listener(String address, int port) throws IOException {
            socket = new ServerSocket(port, 10, InetAddress.getByName(address));
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket peer = socket.accept(); InputStream in = peer.getInputStream()) {
                        peers.add(peer.getInetAddress().getHostAddress());
                        in.readNBytes(64);
                    } catch (IOException closed) {
                        // closed, or a peer that went away
                    }
                }
            }, "isolation-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        Set<String> peers() {
            return peers;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
