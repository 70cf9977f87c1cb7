package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A guest's network cap measured with real TCP traffic, both ways: the guest streams zeros to
 * the host and the host streams zeros to the guest (busybox nc, started by cloud-init), while
 * the host counts the bytes. Capped at 8 Mbit/s neither direction may run faster; raised live
 * to 80 Mbit/s, the same streams speed up (printed, not asserted: this machine is shared).
 */
@IntegrationTest
class NetworkCapOnRealGuestIT {

    /** 8 Mbit/s = 1 000 000 bytes/s each way. */
    static final LimitSpec CAPPED = new LimitSpec(512, 100, 1, 1000, 100_000_000, 300, LimitSpec.mbitToKBps(8));
    static final LimitSpec RAISED = new LimitSpec(512, 100, 1, 1000, 100_000_000, 300, LimitSpec.mbitToKBps(80));
    static final int FROM_GUEST_PORT = 5801;
    static final int TO_GUEST_PORT = 5802;
    /** The token bucket lets a burst of 64 KiB through at once; over seconds that is a few per cent. */
    static final double TOLERANCE = 1.10;

    @Autowired GuestLimits limits;

    static DemoGuests guests;

    @AfterAll
    static void cleanUp() {
        if (guests != null) {
            guests.removeAll();
        }
    }

    @Test
    void neitherDirectionRunsFasterThanTheCap(@Autowired Volumes volumes, @Autowired Domains domains,
            @Autowired HostProperties properties) throws Exception {
        guests = new DemoGuests(volumes, domains, properties);
        guests.removeAll();
        String gateway = AddressPlan.of(properties.network().cidr()).gateway();
        try (var fromGuest = new Counter(gateway, FROM_GUEST_PORT, false); var toGuest = new Counter(gateway, TO_GUEST_PORT, true)) {
            String name = guests.define("netcap", 5, 192, CAPPED, List.of(
                    "nc " + gateway + " " + FROM_GUEST_PORT + " < /dev/zero &",
                    "sleep 3600 | nc " + gateway + " " + TO_GUEST_PORT + " > /dev/null &"));
            domains.start(name);
            Await.until("both streams to flow", Duration.ofMinutes(4), () -> fromGuest.bytes() > 0 && toGuest.bytes() > 0, ok -> ok);
            assertThat(limits.read(name).netInboundKBps()).isEqualTo(1000L);

            double out = fromGuest.bytesPerSecond(Duration.ofSeconds(3), Duration.ofSeconds(10));
            double in = toGuest.bytesPerSecond(Duration.ofSeconds(0), Duration.ofSeconds(10));
            System.out.printf("capped at 8 Mbit/s: guest sends %.2f Mbit/s, receives %.2f Mbit/s%n", out * 8 / 1e6, in * 8 / 1e6);
            assertThat(out).as("bytes/s from the guest").isPositive().isLessThan(1_000_000 * TOLERANCE);
            assertThat(in).as("bytes/s to the guest").isPositive().isLessThan(1_000_000 * TOLERANCE);

            limits.apply(name, RAISED);
            double outRaised = fromGuest.bytesPerSecond(Duration.ofSeconds(3), Duration.ofSeconds(10));
            double inRaised = toGuest.bytesPerSecond(Duration.ofSeconds(0), Duration.ofSeconds(10));
            System.out.printf("raised live to 80 Mbit/s: guest sends %.2f Mbit/s (%.1fx), receives %.2f Mbit/s (%.1fx)%n",
                    outRaised * 8 / 1e6, outRaised / out, inRaised * 8 / 1e6, inRaised / in);
            assertThat(outRaised).isLessThan(10_000_000 * TOLERANCE);
            assertThat(inRaised).isLessThan(10_000_000 * TOLERANCE);
        }
    }

    /** One TCP stream with the guest on the host's bridge address, counting what crosses it. */
    static final class Counter implements AutoCloseable {

        private final ServerSocket server;
        private final AtomicLong bytes = new AtomicLong();
        private final Thread pump;
        private volatile Socket socket;

        Counter(String address, int port, boolean send) throws IOException {
            server = new ServerSocket(port, 1, InetAddress.getByName(address));
            pump = new Thread(() -> run(send), "netcap-" + port);
            pump.setDaemon(true);
            pump.start();
        }

        long bytes() {
            return bytes.get();
        }

        /** The rate over {@code window}, after letting {@code settle} pass (TCP's slow start, a rate change). */
        double bytesPerSecond(Duration settle, Duration window) {
            Await.sleep(settle.toMillis());
            long startBytes = bytes.get();
            long start = System.nanoTime();
            Await.sleep(window.toMillis());
            return (bytes.get() - startBytes) / ((System.nanoTime() - start) / 1e9);
        }

        private void run(boolean send) {
            try (Socket s = server.accept()) {
                socket = s;
                byte[] buffer = new byte[16 * 1024];
                if (send) {
                    // a bounded send buffer: what the kernel still queues is a small, steady error over the window
                    s.setSendBufferSize(256 * 1024);
                    OutputStream out = s.getOutputStream();
                    while (true) {
                        out.write(buffer);
                        bytes.addAndGet(buffer.length);
                    }
                }
                InputStream in = s.getInputStream();
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes.addAndGet(n);
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            Socket s = socket;
            if (s != null) {
                s.close();
            }
        }
    }
}
