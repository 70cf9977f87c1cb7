package com.virtpanel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.console.ConsoleBenchSupport;
import com.virtpanel.console.ConsoleTicket;
import com.virtpanel.console.ConsoleTickets;
import com.virtpanel.host.Domains;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.WebLogin;
import com.virtpanel.testkit.WsClient;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

/**
 * The console proxy against a direct TCP connection and against websockify (the reference
 * WebSocket-to-TCP proxy), on the same sockets in the same run, interleaved round by round so
 * that the shared machine's load hits all three alike. Two backends: a demo guest's VNC
 * server (QEMU paces its updates, which hides a proxy's own cost) and a plain TCP backend
 * (echo for latency, a bulk stream for throughput). Run it on purpose:
 * {@code VP_TEST_ID=c1 VP_TEST_CIDR=10.134.0.0/24 mvn -B test -Dtest=ConsoleProxyBenchmark}.
 */
@IntegrationTest
@Import(ConsoleBenchSupport.Routes.class)
class ConsoleProxyBenchmark {

    static final int ROUNDS_HANDSHAKE = 30;
    static final int ROUNDS_ECHO = 3000;
    static final int BULK_MIB = 200; // sent as one byte: at most 255
    static final int ROUNDS_BULK = 5;
    static final int ROUNDS_VNC = 7;
    static final int VNC_UPDATES = 8;

    @Autowired ServerOrders serverOrders;
    @Autowired ConsoleTickets tickets;
    @Autowired Domains domains;
    @Autowired Users users;
    @Autowired Guests guests;
    @Value("${local.server.port}") int port;

    final List<Process> websockifies = new ArrayList<>();

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void theConsoleProxyIsNoSlowerThanWebsockify() throws Exception {
        DemoImage.require();
        AccountSummary alice = users.newCustomer();
        ServerInfo ordered = Users.as(alice, () -> serverOrders.order(new OrderRequest("bench", "nano", "demo", List.of(),
                "Bench-root-pass-42", null)));
        ServerInfo server = guests.awaitStatus(alice, ordered.id(), ServerStatus.RUNNING);
        // QEMU's VNC server listens as soon as the guest runs; its boot need not finish
        int vncPort = domains.vnc(server.domain()).orElseThrow().port();
        String session = WebLogin.sessionId(port, alice.email(), Users.PASSWORD);

        try (BulkBackend bulk = new BulkBackend()) {
            ConsoleBenchSupport.target(new InetSocketAddress("127.0.0.1", bulk.port()), server.id(), alice.id());
            int wsVnc = websockify(vncPort);
            int wsBulk = websockify(bulk.port());

            Map<String, Opener> vnc = new LinkedHashMap<>();
            vnc.put("direct", () -> tcp(vncPort));
            vnc.put("panel", () -> {
                ConsoleTicket t = Users.as(alice, () -> tickets.forSession(server.id(), session));
                return () -> ws(port, t.path(), Map.of("Cookie", "JSESSIONID=" + session, "Origin", "http://127.0.0.1:" + port));
            });
            vnc.put("websockify", () -> () -> ws(wsVnc, "/", Map.of()));

            Map<String, Opener> tcpBackend = new LinkedHashMap<>();
            tcpBackend.put("direct", () -> tcp(bulk.port()));
            tcpBackend.put("panel", () -> () -> ws(port, ConsoleBenchSupport.PATH, Map.of()));
            tcpBackend.put("websockify", () -> () -> ws(wsBulk, "/", Map.of()));

            Report report = new Report();
            // warm-up: the JIT, the web server's pools, websockify's imports
            handshakes(vnc, 5);
            echo(tcpBackend, 500);
            bulk(tcpBackend, 1, 32);

            report.add("VNC handshake to RFB version (ms)", handshakes(vnc, ROUNDS_HANDSHAKE), false);
            report.add("VNC 1x1 update round trip (ms)", vncRoundTrips(vnc, 1, 1), false);
            report.add("VNC full-screen raw updates (MB/s)", vncThroughput(vnc), true);
            report.add("TCP backend handshake (ms)", handshakes(tcpBackend, ROUNDS_HANDSHAKE), false);
            report.add("TCP echo round trip, 1 byte (ms)", echo(tcpBackend, ROUNDS_ECHO), false);
            report.add("TCP bulk " + BULK_MIB + " MiB to client (MB/s)", bulk(tcpBackend, ROUNDS_BULK, BULK_MIB), true);
            report.print();
        } finally {
            websockifies.forEach(Process::destroy);
        }
    }

    // --- measurements (each returns the median per kind, rounds interleaved) ------------------

    Map<String, double[]> handshakes(Map<String, Opener> kinds, int rounds) throws Exception {
        return interleave(kinds, rounds, (kind, opener) -> {
            Connector c = opener.prepare(); // a ticket is issued outside the timed part
            long t0 = System.nanoTime();
            try (Stream s = c.connect()) {
                s.readFully(new byte[12]);
                return (System.nanoTime() - t0) / 1e6;
            }
        });
    }

    Map<String, double[]> echo(Map<String, Opener> kinds, int rounds) throws Exception {
        Map<String, Stream> open = new LinkedHashMap<>();
        for (var e : kinds.entrySet()) {
            Stream s = e.getValue().prepare().connect();
            s.readFully(new byte[12]);
            open.put(e.getKey(), s);
        }
        Map<String, double[]> samples = new LinkedHashMap<>();
        open.keySet().forEach(k -> samples.put(k, new double[rounds]));
        byte[] ping = {'p'};
        byte[] pong = new byte[1];
        for (int i = 0; i < rounds; i++) {
            for (var e : open.entrySet()) {
                long t0 = System.nanoTime();
                e.getValue().write(ping);
                e.getValue().readFully(pong);
                samples.get(e.getKey())[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        for (Stream s : open.values()) {
            s.close();
        }
        return samples;
    }

    Map<String, double[]> bulk(Map<String, Opener> kinds, int rounds, int mib) throws Exception {
        return interleave(kinds, rounds, (kind, opener) -> {
            try (Stream s = opener.prepare().connect()) {
                s.readFully(new byte[12]);
                byte[] buf = new byte[1 << 16];
                long t0 = System.nanoTime();
                s.write(new byte[] {'b', (byte) mib});
                long left = (long) mib << 20;
                while (left > 0) {
                    int n = s.read(buf, 0, (int) Math.min(buf.length, left));
                    left -= n;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                return ((long) mib << 20) / 1e6 / seconds;
            }
        });
    }

    Map<String, double[]> vncRoundTrips(Map<String, Opener> kinds, int w, int h) throws Exception {
        return interleave(kinds, ROUNDS_VNC, (kind, opener) -> {
            try (Stream s = opener.prepare().connect()) {
                Rfb rfb = Rfb.init(s);
                double[] t = new double[6];
                for (int i = 0; i < t.length; i++) {
                    long t0 = System.nanoTime();
                    rfb.update(0, 0, w, h);
                    t[i] = (System.nanoTime() - t0) / 1e6;
                }
                return median(t);
            }
        });
    }

    Map<String, double[]> vncThroughput(Map<String, Opener> kinds) throws Exception {
        return interleave(kinds, ROUNDS_VNC, (kind, opener) -> {
            try (Stream s = opener.prepare().connect()) {
                Rfb rfb = Rfb.init(s);
                long bytes = 0;
                long t0 = System.nanoTime();
                for (int i = 0; i < VNC_UPDATES; i++) {
                    bytes += rfb.update(0, 0, rfb.width, rfb.height);
                }
                return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
            }
        });
    }

    interface Sample {
        double run(String kind, Opener opener) throws Exception;
    }

    /** One sample per kind per round, the kinds taking turns inside each round (paired by index). */
    Map<String, double[]> interleave(Map<String, Opener> kinds, int rounds, Sample sample) throws Exception {
        Map<String, double[]> samples = new LinkedHashMap<>();
        kinds.keySet().forEach(k -> samples.put(k, new double[rounds]));
        for (int i = 0; i < rounds; i++) {
            for (var e : kinds.entrySet()) {
                samples.get(e.getKey())[i] = sample.run(e.getKey(), e.getValue());
            }
        }
        return samples;
    }

    static double median(double[] values) {
        return PairedRatios.median(values);
    }

    // --- the three ways in ---------------------------------------------------------------------

    interface Opener {
        Connector prepare() throws Exception;
    }

    interface Connector {
        Stream connect() throws IOException;
    }

    interface Stream extends AutoCloseable {
        void write(byte[] b) throws IOException;

        int read(byte[] b, int off, int len) throws IOException;

        default void readFully(byte[] b) throws IOException {
            int got = 0;
            while (got < b.length) {
                got += read(b, got, b.length - got);
            }
        }

        @Override
        void close() throws IOException;
    }

    static Connector tcp(int port) {
        return () -> {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            return new Stream() {
                public void write(byte[] b) throws IOException {
                    out.write(b);
                    out.flush();
                }

                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    if (n < 0) {
                        throw new EOFException();
                    }
                    return n;
                }

                public void close() throws IOException {
                    socket.close();
                }
            };
        };
    }

    static Stream ws(int port, String path, Map<String, String> headers) throws IOException {
        WsClient ws = WsClient.connect("127.0.0.1", port, path, headers);
        if (!ws.upgraded()) {
            throw new IOException("upgrade refused: " + ws.statusLine());
        }
        ws.timeout(60_000);
        return new Stream() {
            public void write(byte[] b) throws IOException {
                ws.send(b);
            }

            public int read(byte[] b, int off, int len) throws IOException {
                int n = ws.read(b, off, len);
                if (n < 0) {
                    throw new EOFException("closed " + ws.closeCode());
                }
                return n;
            }

            public void close() throws IOException {
                ws.close();
            }
        };
    }

    int websockify(int targetPort) throws Exception {
        int listen;
        try (ServerSocket probe = new ServerSocket(0)) {
            listen = probe.getLocalPort();
        }
        Process p = new ProcessBuilder("websockify", "127.0.0.1:" + listen, "127.0.0.1:" + targetPort)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "websockify-" + targetPort + ".log").toFile()).start();
        websockifies.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", listen)) {
                return listen;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("websockify did not start");
    }

    // --- a just-enough RFB client ----------------------------------------------------------------

    static final class Rfb {
        final Stream s;
        int width;
        int height;
        int bytesPerPixel;

        private Rfb(Stream s) {
            this.s = s;
        }

        static Rfb init(Stream s) throws IOException {
            Rfb rfb = new Rfb(s);
            byte[] version = new byte[12];
            s.readFully(version);
            s.write("RFB 003.008\n".getBytes());
            int n = rfb.u8();
            byte[] types = new byte[n];
            s.readFully(types);
            s.write(new byte[] {1}); // security "None": QEMU's VNC here has no password, only loopback
            if (rfb.u32() != 0) {
                throw new IOException("VNC security failed");
            }
            s.write(new byte[] {1}); // shared
            rfb.width = rfb.u16();
            rfb.height = rfb.u16();
            byte[] pixelFormat = new byte[16];
            s.readFully(pixelFormat);
            rfb.bytesPerPixel = (pixelFormat[0] & 0xff) / 8;
            byte[] name = new byte[rfb.u32()];
            s.readFully(name);
            s.write(new byte[] {2, 0, 0, 1, 0, 0, 0, 0}); // SetEncodings: raw only
            return rfb;
        }

        /** A non-incremental update request; returns the bytes of the answer. */
        long update(int x, int y, int w, int h) throws IOException {
            var req = new java.io.ByteArrayOutputStream();
            var d = new DataOutputStream(req);
            d.writeByte(3);
            d.writeByte(0);
            d.writeShort(x);
            d.writeShort(y);
            d.writeShort(w);
            d.writeShort(h);
            s.write(req.toByteArray());
            while (true) {
                int type = u8();
                if (type == 0) {
                    break;
                }
                if (type == 2) {
                    continue; // bell
                }
                throw new IOException("unexpected RFB message " + type);
            }
            u8();
            int rects = u16();
            long bytes = 4;
            byte[] sink = new byte[1 << 16];
            for (int r = 0; r < rects; r++) {
                u16();
                u16();
                int rw = u16();
                int rh = u16();
                int enc = u32();
                bytes += 12;
                if (enc != 0) {
                    continue; // pseudo-encodings carry no pixels here
                }
                long left = (long) rw * rh * bytesPerPixel;
                bytes += left;
                while (left > 0) {
                    left -= s.read(sink, 0, (int) Math.min(sink.length, left));
                }
            }
            return bytes;
        }

        int u8() throws IOException {
            byte[] b = new byte[1];
            s.readFully(b);
            return b[0] & 0xff;
        }

        int u16() throws IOException {
            byte[] b = new byte[2];
            s.readFully(b);
            return ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        }

        int u32() throws IOException {
            byte[] b = new byte[4];
            s.readFully(b);
            return new DataInputStream(new java.io.ByteArrayInputStream(b)).readInt();
        }
    }

    // --- the plain TCP backend ---------------------------------------------------------------------

    /** Greets like VNC (12 bytes), then answers 'p' with 'p' and 'b'+n with n MiB as fast as it can. */
    static final class BulkBackend implements AutoCloseable {
        private final ServerSocket server;

        BulkBackend() throws IOException {
            server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "bench-backend");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s), "bench-backend-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void serve(Socket s) {
            try (s) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                out.write("RFB 003.008\n".getBytes());
                out.flush();
                byte[] chunk = new byte[1 << 16];
                Arrays.fill(chunk, (byte) 'x');
                int c;
                while ((c = in.read()) >= 0) {
                    if (c == 'p') {
                        out.write('p');
                        out.flush();
                    } else if (c == 'b') {
                        long left = (long) in.read() << 20;
                        while (left > 0) {
                            int n = (int) Math.min(chunk.length, left);
                            out.write(chunk, 0, n);
                            left -= n;
                        }
                        out.flush();
                    }
                }
            } catch (IOException gone) {
                // client left
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    // --- output ----------------------------------------------------------------------------------------

    /**
     * Medians per way in, and the panel against websockify as the median of the per-round
     * ratios with a 95 % bootstrap interval and a verdict (see {@link PairedRatios}).
     */
    static final class Report {
        private final StringBuilder out = new StringBuilder();
        private final List<String> verdicts = new ArrayList<>();
        private final PairedRatios ratios = new PairedRatios();

        void add(String what, Map<String, double[]> samples, boolean higherIsBetter) {
            double[] panel = samples.get("panel");
            PairedRatios.Ratio ratio = ratios.of(panel, samples.get("websockify"), higherIsBetter);
            out.append(String.format(Locale.ROOT,
                    "%-40s direct %9.3f  panel %9.3f  websockify %9.3f   panel/direct %5.2f   panel/websockify %s%n",
                    what, median(samples.get("direct")), median(panel), median(samples.get("websockify")),
                    median(panel) / median(samples.get("direct")), ratio.interval()));
            verdicts.add(what + ": panel " + ratio.verdict() + " websockify");
        }

        void print() {
            System.out.println("\n=== Console proxy benchmark (medians; panel/websockify: median of per-round ratios, 95 % interval) ===");
            System.out.print(out);
            verdicts.forEach(System.out::println);
            System.out.println();
            assertThat(out).isNotEmpty();
        }
    }
}
