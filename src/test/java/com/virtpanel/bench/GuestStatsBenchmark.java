package com.virtpanel.bench;

import com.virtpanel.host.Domains;
import com.virtpanel.host.SamplingLab;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.IntegrationTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Cost of usage sampling per guest, for the same running demo guests in the same run: every
 * bulk stats group, every per-domain call, every kernel file, and whole passes - the chosen
 * sources (GuestStats.sampleRunning) against the naive bulk call with all groups.
 *
 * <p>Run: {@code VP_TEST_ID=h1 VP_TEST_CIDR=10.131.0.0/24 mvn test -Dtest=GuestStatsBenchmark}
 * (env VP_BENCH_GUESTS, default 12; VP_BENCH_REPS, default 50). Prints a table and writes it to
 * target/guest-stats-benchmark.txt.
 */
@IntegrationTest
class GuestStatsBenchmark {

    static final int GUESTS = Integer.parseInt(System.getenv().getOrDefault("VP_BENCH_GUESTS", "12"));
    static final int REPS = Integer.parseInt(System.getenv().getOrDefault("VP_BENCH_REPS", "50"));
    static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Autowired ApplicationContext context;
    @Autowired Domains domains;

    static SamplingLab lab;
    final StringBuilder report = new StringBuilder();

    @AfterAll
    static void removeGuests() {
        if (lab != null) {
            lab.removeAllDemoGuests();
        }
    }

    @Test
    void samplingCostPerGuestBySourceAndPass() throws Exception {
        DemoImage.require();
        lab = new SamplingLab(context);
        lab.removeAllDemoGuests();
        List<String> names = startGuests();

        line("Guest stats sampling, %d demo guests of ours (TCG, idle after boot), %d repetitions, medians", GUESTS, REPS);
        line("host: %s, load average %s", System.getProperty("os.version"), Files.readString(Path.of("/proc/loadavg")).trim());
        line("chosen sources: %s", lab.chosenSources(names.get(0)));
        line("");
        line("%-48s %8s %12s %12s %14s", "source", "guests", "wall ms/g", "JVM cpu ms/g", "libvirtd ms/g");

        line("-- bulk virConnectGetAllDomainStats, one call for all running guests, by group");
        for (Map.Entry<String, Integer> group : SamplingLab.GROUPS.entrySet()) {
            measure("bulk " + group.getKey(), () -> lab.bulk(group.getValue()));
        }
        line("-- per-domain calls, one per guest");
        for (String call : SamplingLab.perDomainCalls()) {
            measure(call, () -> lab.perDomain(call, names));
        }
        line("-- kernel files, read by the panel");
        for (Map.Entry<String, List<Path>> source : lab.kernelFiles(names).entrySet()) {
            measure(source.getKey(), () -> lab.readKernel(source.getKey(), source.getValue()));
        }
        int running = lab.chosenPass().size();
        Result netDev = measure("/proc/net/dev (one read for all taps)", () -> {
            lab.readNetDev();
            return running;
        });

        line("-- whole passes over all running guests");
        Result naive = measure("naive: bulk ALL groups -> samples", () -> lab.naivePass().size());
        Result chosen = measure("chosen: GuestStats.sampleRunning()", () -> lab.chosenPass().size());
        Result cold = measure("chosen, cold (facts looked up again)", () -> lab.coldPass().size(), 5);
        Result refresh = measure("background refresh: bulk BLOCK (QEMU's disk ops)", () -> lab.qemuRefresh());
        double every = 6; // panel.libvirt.qemu-stats-interval 60 s / panel.usage.interval 10 s

        line("");
        line("chosen pass:  %.3f ms wall, %.3f ms JVM CPU, %.3f ms libvirtd CPU per guest", chosen.wallPerGuest(),
                chosen.cpuPerGuest(), chosen.daemonPerGuest());
        line("naive pass:   %.3f ms wall, %.3f ms JVM CPU, %.3f ms libvirtd CPU per guest", naive.wallPerGuest(),
                naive.cpuPerGuest(), naive.daemonPerGuest());
        line("naive/chosen: %.1fx wall, %.1fx JVM CPU, %.1fx libvirtd CPU",
                naive.wallPerGuest() / chosen.wallPerGuest(), naive.cpuPerGuest() / chosen.cpuPerGuest(),
                naive.daemonPerGuest() / Math.max(chosen.daemonPerGuest(), 1e-6));
        line("naive/chosen, JVM + libvirtd CPU together: %.1fx", (naive.cpuPerGuest() + naive.daemonPerGuest())
                / (chosen.cpuPerGuest() + chosen.daemonPerGuest()));
        line("background refresh of QEMU's disk ops every %.0f passes (off the pass): %.3f ms wall, %.3f ms libvirtd CPU per guest"
                + " per pass on average", every, refresh.wallPerGuest() / every, refresh.daemonPerGuest() / every);
        line("extrapolated to 1,000 guests: chosen pass %.0f ms wall (%.0f ms JVM CPU), naive pass %.0f ms wall (%.0f ms JVM CPU)",
                chosen.wallPerGuest() * 1000, chosen.cpuPerGuest() * 1000, naive.wallPerGuest() * 1000, naive.cpuPerGuest() * 1000);
        line("(/proc/net/dev grows with the number of interfaces: %.4f ms per guest here for one read serving all)",
                netDev.wallPerGuest());
        line("sample of ours: %s", lab.chosenPass().stream().filter(s -> s.domain().equals(names.get(0))).findFirst().orElse(null));

        Path out = Path.of("target/guest-stats-benchmark.txt");
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private List<String> startGuests() {
        var names = new ArrayList<String>();
        for (int i = 0; i < GUESTS; i++) {
            names.add(lab.defineDemoGuest(String.format("bench-%02d", i), 20 + i, 160));
        }
        for (String name : names) {
            domains.start(name);
        }
        for (String name : names) {
            awaitBoot(name);
        }
        return names;
    }

    /** Waits for the guest's "ready" line; a guest that did not boot (TCG on a busy machine) is restarted once. */
    private void awaitBoot(String name) {
        Path log = domains.serialLog(name);
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            if (read(log).contains("virtpanel-demo ready")) {
                return;
            }
            Await.sleep(1000);
        }
        System.out.println(name + " did not boot; restarting it: " + read(log).lines().reduce((a, b) -> b).orElse(""));
        domains.powerOff(name);
        domains.start(name);
        Await.until(name + " to boot", Duration.ofMinutes(6), () -> read(log), s -> s.contains("virtpanel-demo ready"));
    }

    record Result(double wallPerGuest, double cpuPerGuest, double daemonPerGuest) {
    }

    private Result measure(String label, Callable<Integer> work) throws Exception {
        return measure(label, work, REPS);
    }

    /** Median wall time per repetition; mean CPU of the working JVM threads and of libvirtd. */
    private Result measure(String label, Callable<Integer> work, int reps) throws Exception {
        int guests = 0;
        for (int i = 0; i < 3; i++) {
            guests = work.call();
        }
        double[] wall = new double[reps];
        Map<Long, Long> cpuBefore = workerCpu();
        long daemonBefore = libvirtdTicks();
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            guests = work.call();
            wall[i] = (System.nanoTime() - start) / 1e6;
        }
        double cpu = cpuSince(cpuBefore) / 1e6 / reps;
        double daemon = (libvirtdTicks() - daemonBefore) * 10.0 / reps;
        Arrays.sort(wall);
        double median = wall[reps / 2];
        int n = Math.max(guests, 1);
        var r = new Result(median / n, cpu / n, daemon / n);
        line("%-48s %8d %12.4f %12.4f %14.4f", label, guests, r.wallPerGuest(), r.cpuPerGuest(), r.daemonPerGuest());
        return r;
    }

    /**
     * CPU time of the threads that do the work: this one and libvirt's call workers (the pass
     * runs on one). Other threads of the application (Quartz, pools) would only add noise.
     */
    private static Map<Long, Long> workerCpu() {
        var cpu = new java.util.HashMap<Long, Long>();
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && (t.getThreadId() == Thread.currentThread().getId() || t.getThreadName().startsWith("libvirt-call"))) {
                cpu.put(t.getThreadId(), THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return cpu;
    }

    /** CPU used since {@code before} by the same threads, plus all of any that started since. */
    private static long cpuSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : workerCpu().entrySet()) {
            total += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
        }
        return total;
    }

    private static long libvirtdTicks() {
        try {
            String pid = Files.readString(Path.of("/run/libvirtd.pid")).trim();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
