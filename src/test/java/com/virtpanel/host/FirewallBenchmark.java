package com.virtpanel.host;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What customer firewalls cost, on one demo guest in one run: host → guest TCP throughput with
 * the guest unfiltered and under a firewall (the accepting rule last of 21), back to back in
 * each pair, as the median of per-pair ratios; and the time from "rules handed to the host"
 * ({@link GuestFirewalls#apply}, what the panel calls right after the change commits) to
 * "rule enforced" (the first connection to a newly accepted port that gets through).
 *
 * <p>Run: {@code VP_TEST_ID=t2 VP_TEST_CIDR=10.127.0.0/24 mvn test -Dtest=FirewallBenchmark}
 * (VP_BENCH_REPS, default 15; VP_BENCH_MB, default 16). Prints the table and writes it to
 * target/firewall-benchmark.txt. Not part of the suite (a benchmark, not a test).
 */
@IntegrationTest
class FirewallBenchmark {

    static final int REPS = Integer.parseInt(System.getenv().getOrDefault("VP_BENCH_REPS", "15"));
    static final int MB = Integer.parseInt(System.getenv().getOrDefault("VP_BENCH_MB", "16"));
    static final int SINK = 7100;
    static final int PROBE = 7101;
    /** A full vCPU and a network cap far above what the guest reaches: the plan's caps would hide the filter's cost. */
    static final LimitSpec UNCAPPED = new LimitSpec(1024, 100, 1, 1000, 100_000_000, 500, LimitSpec.mbitToKBps(10_000));

    static DemoGuests guests;
    final StringBuilder report = new StringBuilder();

    @AfterAll
    static void cleanUp() {
        if (guests != null) {
            guests.removeAll();
        }
    }

    @Test
    void throughputFilteredAgainstUnfilteredAndTimeToEnforce(@Autowired Volumes volumes, @Autowired Domains domains,
            @Autowired HostProperties properties, @Autowired GuestFirewalls firewalls) throws Exception {
        guests = new DemoGuests(volumes, domains, properties);
        guests.removeAll();
        String address = guests.address(21);
        String hostAddress = AddressPlan.of(properties.network().cidr()).gateway();
        String name = guests.define("fw-bench", 21, 256, UNCAPPED, List.of(
                "printf '#!/bin/sh\\nwc -c\\n' > /tmp/sink; chmod +x /tmp/sink",
                "printf '#!/bin/sh\\necho up\\n' > /tmp/up; chmod +x /tmp/up",
                "nc -ll -p " + SINK + " -e /tmp/sink &",
                "nc -ll -p " + PROBE + " -e /tmp/up &",
                "echo bench-listeners-up > /dev/ttyS0"), true);
        domains.start(name);
        Await.until("the guest's listeners", Duration.ofMinutes(4), () -> serial(domains, name), s -> s.contains("bench-listeners-up"));
        Await.until("the sink to answer", Duration.ofMinutes(1), () -> send(address, 1) > 0, ok -> ok);

        List<FirewallRuleSpec> filtered = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            filtered.add(new FirewallRuleSpec(true, "tcp", 20_000 + i, 20_000 + i, "192.0.2.0/24"));
        }
        filtered.add(new FirewallRuleSpec(true, "tcp", SINK, SINK, hostAddress + "/32"));
        List<FirewallRuleSpec> withProbe = new ArrayList<>(filtered);
        withProbe.add(new FirewallRuleSpec(true, "tcp", PROBE, PROBE, hostAddress + "/32"));

        double[] open = new double[REPS];
        double[] closed = new double[REPS];
        double[] applyMs = new double[REPS];
        double[] enforceMs = new double[REPS];
        for (int i = 0; i < REPS; i++) {
            firewalls.apply(address, null, List.of(), false);
            open[i] = mbitPerSecond(address);
            firewalls.apply(address, null, filtered, true);
            closed[i] = mbitPerSecond(address);
            // the probe port is closed now; time until opening it shows on the wire
            long start = System.nanoTime();
            firewalls.apply(address, null, withProbe, true);
            applyMs[i] = (System.nanoTime() - start) / 1e6;
            while (!answers(address, PROBE)) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new AssertionError("the probe rule was not enforced within 30 s");
                }
            }
            enforceMs[i] = (System.nanoTime() - start) / 1e6;
        }
        firewalls.apply(address, null, List.of(), false);

        double[] ratios = new double[REPS];
        for (int i = 0; i < REPS; i++) {
            ratios[i] = closed[i] / open[i];
        }
        line("Customer firewall cost, one demo guest (TCG), %d pairs of %d MiB host -> guest, load average %s", REPS, MB,
                Files.readString(Path.of("/proc/loadavg")).trim());
        line("throughput unfiltered: median %.0f Mbit/s (min %.0f, max %.0f)", median(open), min(open), max(open));
        line("throughput filtered (21 rules, accept last): median %.0f Mbit/s (min %.0f, max %.0f)", median(closed), min(closed), max(closed));
        line("filtered / unfiltered, median of per-pair ratios: %.2f (min %.2f, max %.2f)", median(ratios), min(ratios), max(ratios));
        line("rules to the host (nft transaction): median %.1f ms (max %.1f)", median(applyMs), max(applyMs));
        line("rules to the host -> first connection through: median %.1f ms (max %.1f)", median(enforceMs), max(enforceMs));
        Files.writeString(Path.of("target/firewall-benchmark.txt"), report);
        System.out.print(report);
    }

    private static double mbitPerSecond(String address) {
        long start = System.nanoTime();
        long received = send(address, MB);
        if (received != MB * 1024L * 1024L) {
            throw new AssertionError("the sink counted " + received + " bytes");
        }
        return MB * 8.0 * 1.048576 / ((System.nanoTime() - start) / 1e9);
    }

    /** Sends {@code mb} MiB to the guest's sink and returns the byte count it answers with (-1: unreachable). */
    private static long send(String address, int mb) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, SINK), 2000);
            socket.setSoTimeout(60_000);
            byte[] chunk = new byte[64 * 1024];
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < mb * 16; i++) {
                out.write(chunk);
            }
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static boolean answers(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 200);
            socket.setSoTimeout(2000);
            return new String(socket.getInputStream().readNBytes(2), StandardCharsets.US_ASCII).equals("up");
        } catch (IOException e) {
            return false;
        }
    }

    private static String serial(Domains domains, String name) {
        try {
            return Files.readString(domains.serialLog(name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
