package com.virtpanel.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * This test JVM's own PowerDNS (scripts/powerdns.sh, the one ./panel run uses), on free ports
 * and in a directory of its own, so parallel forks and checkouts never share one. Started at the
 * first context ({@link TestHostProperties}), stopped when the JVM ends. Tests may stop and start
 * it to see the panel keep changes pending.
 */
public final class TestPowerDns {

    private static final Path DIR = Path.of("target", "pdns-" + TestHost.ID + "-" + ProcessHandle.current().pid())
            .toAbsolutePath();
    private static int dnsPort;
    private static int apiPort;
    private static String apiKey;

    private TestPowerDns() {
    }

    /** Starts it unless it runs; false when PowerDNS is not installed (the panel then manages no reverse DNS). */
    public static synchronized boolean ensureStarted() {
        if (apiKey != null) {
            return true;
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/pdns_server"))) {
            return false;
        }
        dnsPort = freePort(true);
        apiPort = freePort(false);
        String[] started = script("start").trim().split(" ");
        apiKey = started[1];
        stopWhenThisJvmEnds();
        return true;
    }

    /**
     * A watcher outside this JVM stops the server once the JVM is gone. Not a shutdown hook:
     * Surefire halts a fork whose hooks take too long (its cached panels closing), and that cut
     * the hook short in two of three forks, leaving their servers running after the suite.
     */
    private static void stopWhenThisJvmEnds() {
        String watch = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 2; done; exec scripts/powerdns.sh stop '"
                + DIR + "' " + dnsPort + " " + apiPort;
        try {
            new ProcessBuilder("setsid", "sh", "-c", watch).redirectErrorStream(true)
                    .redirectOutput(DIR.resolve("watcher.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch this JVM to stop PowerDNS after it", e);
        }
    }

    public static synchronized void stop() {
        script("stop");
    }

    public static synchronized void start() {
        script("start");
    }

    public static String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public static String apiKey() {
        return apiKey;
    }

    public static int dnsPort() {
        return dnsPort;
    }

    /** What `dig -x address +short` answers from this PowerDNS (the PTR with its trailing dot, or ""). */
    public static String digReverse(String address) {
        return Shell.run("dig", "-x", address, "@127.0.0.1", "-p", String.valueOf(dnsPort), "+short",
                "+tries=1", "+time=2").output().trim();
    }

    private static String script(String command) {
        try {
            Process p = new ProcessBuilder("scripts/powerdns.sh", command, DIR.toString(), String.valueOf(dnsPort),
                    String.valueOf(apiPort)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("scripts/powerdns.sh " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("scripts/powerdns.sh " + command + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A port free on 127.0.0.1 right now for TCP (and, for DNS, UDP too), other than the DNS port already chosen. */
    private static int freePort(boolean udpToo) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = tcp.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
            if (port == dnsPort) {
                continue;
            }
            if (!udpToo) {
                return port;
            }
            try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // someone holds it for UDP: try another
            }
        }
        throw new IllegalStateException("no free port for PowerDNS");
    }
}
