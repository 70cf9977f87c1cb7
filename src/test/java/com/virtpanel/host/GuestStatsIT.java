package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One sampling pass covers every running guest, with counters from the kernel that agree with
 * what libvirt reports from the same sources, read just before and just after.
 */
@IntegrationTest
class GuestStatsIT {

    @Autowired GuestStats stats;
    @Autowired LibvirtConnection libvirt;
    @Autowired Domains domains;

    static DemoGuests guests;
    static String first;
    static String second;
    static String stopped;

    @BeforeAll
    static void startGuests(@Autowired Volumes volumes, @Autowired Domains domains, @Autowired HostProperties properties) {
        guests = new DemoGuests(volumes, domains, properties);
        guests.removeAll();
        first = guests.define("stats-a", 5, 160, DemoGuests.NANO);
        second = guests.define("stats-b", 6, 160, DemoGuests.NANO);
        stopped = guests.define("stats-off", 7, 160, DemoGuests.NANO);
        domains.start(first);
        domains.start(second);
        for (String name : List.of(first, second)) {
            Await.until(name + " to boot", Duration.ofMinutes(5), () -> serial(domains, name), s -> s.contains("virtpanel-demo ready"));
        }
    }

    @AfterAll
    static void cleanUp() {
        guests.removeAll();
    }

    @Test
    void onePassSamplesEveryRunningGuestAndNoStoppedOne() {
        // the usage job may have seen the guests at their first instant (no disk operations yet);
        // forgotten guests get QEMU's block counters read during this pass
        stats.forgetAll();
        Map<String, GuestSample> samples = byName(stats.sampleRunning());

        assertThat(samples).containsKeys(first, second).doesNotContainKey(stopped);
        for (String name : List.of(first, second)) {
            GuestSample s = samples.get(name);
            assertThat(s.bootId()).isEqualTo(Long.parseLong(Shell.virsh("domid", name)));
            assertThat(s.cpuTimeNs()).as("booting under TCG takes seconds of CPU").isGreaterThan(1_000_000_000L);
            assertThat(s.diskReadBytes()).as("the guest read its root filesystem").isPositive();
            assertThat(s.diskReadOps()).isPositive();
        }
        assertThat(samples.values()).allSatisfy(s -> assertThat(domains.state(s.domain()).isActive()).isTrue());
    }

    @Test
    void countersLieBetweenWhatLibvirtReportsJustBeforeAndJustAfter() {
        stats.forgetAll(); // QEMU's block counters are then read during the pass, not at an earlier one
        Map<String, LibvirtNative.DomainStats> before = libvirtStats();
        Map<String, GuestSample> ours = byName(stats.sampleRunning());
        Map<String, LibvirtNative.DomainStats> after = libvirtStats();
        assertAgree(before, ours, after);

        // and again with the block counters from the (otherwise background) refresh
        before = libvirtStats();
        stats.refreshQemuCountersNow();
        ours = byName(stats.sampleRunning());
        after = libvirtStats();
        assertAgree(before, ours, after);
    }

    private void assertAgree(Map<String, LibvirtNative.DomainStats> before, Map<String, GuestSample> ours,
            Map<String, LibvirtNative.DomainStats> after) {
        for (String name : List.of(first, second)) {
            GuestSample s = ours.get(name);
            LibvirtNative.DomainStats b = before.get(name);
            LibvirtNative.DomainStats a = after.get(name);
            // the same /proc/net/dev counters, seen from the guest (libvirt swaps a tap's directions too)
            assertThat(s.netRxBytes()).isBetween(b.number("net.0.rx.bytes", -1), a.number("net.0.rx.bytes", -1));
            assertThat(s.netTxBytes()).isBetween(b.number("net.0.tx.bytes", -1), a.number("net.0.tx.bytes", -1));
            // QEMU's request counts (the operation counts' source on this host)
            assertThat(s.diskReadOps()).isBetween(blockSum(b, "rd.reqs"), blockSum(a, "rd.reqs"));
            assertThat(s.diskWriteOps()).isBetween(blockSum(b, "wr.reqs"), blockSum(a, "wr.reqs"));
            // CPU: our cgroup counter (µs) and libvirt's (/proc ticks of 10 ms here) measure the same threads
            long slack = 50_000_000L;
            assertThat(s.cpuTimeNs()).isBetween(b.number("cpu.time", -1) - slack, a.number("cpu.time", -1) + slack);
        }
    }

    @Test
    void trafficSentToAGuestCountsAsReceivedByTheGuest() throws Exception {
        GuestSample idle = byName(stats.sampleRunning()).get(first);
        String address = guests.address(5);
        try (var socket = new java.net.DatagramSocket()) {
            byte[] payload = new byte[1400];
            for (int i = 0; i < 40; i++) {
                socket.send(new java.net.DatagramPacket(payload, payload.length, java.net.InetAddress.getByName(address), 9));
            }
        }
        GuestSample after = Await.until("the datagrams to reach " + first, Duration.ofSeconds(30),
                () -> byName(stats.sampleRunning()).get(first), s -> s.netRxBytes() - idle.netRxBytes() >= 40 * 1400);

        assertThat(after.netRxBytes() - idle.netRxBytes()).isGreaterThan(after.netTxBytes() - idle.netTxBytes());
    }

    @Test
    void aRestartedGuestHasANewBootIdAndCountersFromZero() {
        GuestSample running = byName(stats.sampleRunning()).get(second);

        domains.powerOff(second);
        assertThat(byName(stats.sampleRunning())).doesNotContainKey(second);
        domains.start(second);
        GuestSample restarted = byName(stats.sampleRunning()).get(second);

        assertThat(restarted.bootId()).isNotEqualTo(running.bootId());
        assertThat(restarted.cpuTimeNs()).isLessThan(running.cpuTimeNs());
        assertThat(restarted.diskReadOps()).isLessThan(running.diskReadOps());
        Await.until(second + " to boot again", Duration.ofMinutes(5), () -> serial(domains, second), s -> s.contains("virtpanel-demo ready"));
    }

    private Map<String, LibvirtNative.DomainStats> libvirtStats() {
        return libvirt.call("test stats", c -> LibvirtNative.allDomainStats(c,
                LibvirtNative.STATS_CPU_TOTAL | LibvirtNative.STATS_INTERFACE | LibvirtNative.STATS_BLOCK, LibvirtNative.STATS_ACTIVE))
                .stream().collect(Collectors.toMap(LibvirtNative.DomainStats::name, Function.identity()));
    }

    private static long blockSum(LibvirtNative.DomainStats s, String field) {
        long sum = 0;
        for (int i = 0; i < s.number("block.count", 0); i++) {
            sum += s.number("block." + i + "." + field, 0);
        }
        return sum;
    }

    private static Map<String, GuestSample> byName(List<GuestSample> samples) {
        return samples.stream().collect(Collectors.toMap(GuestSample::domain, Function.identity()));
    }

    private static String serial(Domains domains, String name) {
        try {
            return Files.exists(domains.serialLog(name)) ? Files.readString(domains.serialLog(name), StandardCharsets.ISO_8859_1) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
