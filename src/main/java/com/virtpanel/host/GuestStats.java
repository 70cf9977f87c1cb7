package com.virtpanel.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.libvirt.Domain;
import org.libvirt.DomainBlockStats;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Usage counters of every running guest in one pass, each from its cheapest source
 * (measured in GuestStatsBenchmark, written down in docs/host-sampling.md):
 * <ul>
 * <li>which guests run, with names and ids: one bulk stats call with only the STATE group,
 *     which libvirt answers without asking QEMU;</li>
 * <li>CPU time: the guest's cgroup (cpuacct.usage, or cpu.stat's usage_usec in the unified
 *     hierarchy), else /proc/PID/stat;</li>
 * <li>disk bytes: the guest's cgroup io counters where the kernel keeps them (v2 io.stat; v1
 *     blkio.throttle.*, which only count once throttling is active on the device), else
 *     /proc/PID/io; operation counts from the cgroup, else from QEMU's exact block stats,
 *     fetched at a slower cadence (panel.libvirt.qemu-stats-interval) in the background,
 *     because each one is a monitor round trip, and once when a guest is first seen;</li>
 * <li>network: /proc/net/dev, read once per pass for all taps (libvirt would read it once per
 *     interface).</li>
 * </ul>
 * Facts that last as long as the QEMU process (pid, cgroup paths, tap names, the sources that
 * work) are looked up once per domain id.
 */
@Service
public class GuestStats {

    private static final Logger log = LoggerFactory.getLogger(GuestStats.class);
    static final Path NET_DEV = Path.of("/proc/net/dev");

    private final LibvirtConnection libvirt;
    private final Clock clock;
    private final Duration qemuInterval;
    private final CounterFiles files = new CounterFiles();
    private final Map<Integer, Guest> guests = new HashMap<>();
    private Instant lastQemuStats = Instant.EPOCH;
    /** QEMU's block counters are refreshed beside the passes, never inside one: each costs a monitor round trip per guest. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "guest-stats-qemu");
        t.setDaemon(true);
        return t;
    });
    private Future<Map<Integer, long[]>> refreshing;

    private final Path runDir;

    GuestStats(LibvirtConnection libvirt, Clock clock, HostProperties properties) {
        this.libvirt = libvirt;
        this.clock = clock;
        this.qemuInterval = properties.libvirt().qemuStatsInterval();
        this.runDir = properties.libvirt().runDir();
    }

    /** One sample per running guest; a guest that stops during the pass has no sample (a gap). */
    public synchronized List<GuestSample> sampleRunning() {
        Map<Integer, long[]> refreshed = collectRefresh();
        Set<Integer> known = new HashSet<>(guests.keySet());
        Listing listing = libvirt.call("sample usage", c -> list(c, known));
        forgetStopped(listing);
        Map<String, CounterFiles.Net> net = listing.running().isEmpty() ? Map.of() : readNetDev();
        Instant at = clock.instant();
        var samples = new ArrayList<GuestSample>(listing.running().size());
        for (LibvirtNative.DomainStats running : listing.running()) {
            Guest guest = guests.computeIfAbsent(running.id(), id -> discover(running, listing.discovered().get(id)));
            if (guest == null) {
                continue;
            }
            guest.updateQemuOps(refreshed.get(running.id()));
            try {
                samples.add(guest.sample(files, net, at));
            } catch (IOException stoppedMeanwhile) {
                guests.remove(running.id());
            }
        }
        if (!listing.discovered().isEmpty() && listing.discovered().size() == guests.size()) {
            lastQemuStats = clock.instant(); // every guest was just read from QEMU: no refresh needed yet
        }
        startRefreshIfDue();
        return samples;
    }

    /** Forgets what the next pass must look up again (tests and benchmarks start cold with it). */
    synchronized void forgetAll() {
        guests.clear();
        lastQemuStats = Instant.EPOCH;
    }

    /** Reads QEMU's block counters of every running guest now and uses them from the next pass on. */
    synchronized void refreshQemuCountersNow() {
        Map<Integer, long[]> ops = libvirt.call("read disk counters", GuestStats::qemuOps);
        guests.forEach((id, guest) -> guest.updateQemuOps(ops.get(id)));
        lastQemuStats = clock.instant();
    }

    private void startRefreshIfDue() {
        Instant now = clock.instant();
        if (refreshing == null && !now.isBefore(lastQemuStats.plus(qemuInterval))
                && guests.values().stream().anyMatch(g -> g.opsFromQemu)) {
            lastQemuStats = now;
            refreshing = background.submit(() -> libvirt.call("read disk counters", GuestStats::qemuOps));
        }
    }

    /** The counters of a finished background refresh, once; empty while none has finished. */
    private Map<Integer, long[]> collectRefresh() {
        if (refreshing == null || !refreshing.isDone()) {
            return Map.of();
        }
        try {
            return refreshing.get();
        } catch (ExecutionException failed) {
            log.debug("Reading QEMU's disk counters failed: {}", failed.getCause().toString());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            refreshing = null;
        }
    }

    /** What came back from libvirt in the pass's one call. */
    private record Listing(List<LibvirtNative.DomainStats> running, Map<Integer, Discovered> discovered) {
    }

    /** Facts only libvirt knows about a newly seen guest: its devices and QEMU's block counters so far. */
    private record Discovered(DomainDevices devices, long[] qemuOps) {
    }

    private static Listing list(NativeConnect c, Set<Integer> known) throws LibvirtException {
        List<LibvirtNative.DomainStats> running = LibvirtNative.allDomainStats(c, LibvirtNative.STATS_STATE,
                LibvirtNative.STATS_ACTIVE | LibvirtNative.STATS_NOWAIT);
        var discovered = new HashMap<Integer, Discovered>();
        for (LibvirtNative.DomainStats guest : running) {
            if (!known.contains(guest.id())) {
                Discovered facts = discover(c, guest.name());
                if (facts != null) {
                    discovered.put(guest.id(), facts);
                }
            }
        }
        return new Listing(running, discovered);
    }

    private static Discovered discover(NativeConnect c, String name) {
        try {
            Domain d = c.domainLookupByName(name);
            try {
                DomainDevices devices = DomainDevices.parse(d.getXMLDesc(0));
                long[] ops = {0, 0};
                for (String target : devices.allBlockTargets()) {
                    DomainBlockStats b = d.blockStats(target);
                    ops[0] += b.rd_req;
                    ops[1] += b.wr_req;
                }
                return new Discovered(devices, ops);
            } finally {
                d.free();
            }
        } catch (LibvirtException | IllegalArgumentException stoppedOrOdd) {
            log.debug("Cannot look at guest {} yet: {}", name, stoppedOrOdd.toString());
            return null;
        }
    }

    /** QEMU's read and write request counts, all disks summed, for every running guest in one call. */
    private static Map<Integer, long[]> qemuOps(NativeConnect c) throws LibvirtException {
        var ops = new HashMap<Integer, long[]>();
        for (LibvirtNative.DomainStats s : LibvirtNative.allDomainStats(c, LibvirtNative.STATS_BLOCK,
                LibvirtNative.STATS_ACTIVE | LibvirtNative.STATS_NOWAIT)) {
            long count = s.number("block.count", 0);
            long rd = 0;
            long wr = 0;
            for (int i = 0; i < count; i++) {
                rd += s.number("block." + i + ".rd.reqs", 0);
                wr += s.number("block." + i + ".wr.reqs", 0);
            }
            if (count > 0) {
                ops.put(s.id(), new long[] {rd, wr});
            }
        }
        return ops;
    }

    private Guest discover(LibvirtNative.DomainStats running, Discovered discovered) {
        if (discovered == null) {
            return null;
        }
        var pid = GuestCgroup.pid(runDir, running.name());
        if (pid.isEmpty()) {
            return null;
        }
        Path proc = Path.of("/proc", Long.toString(pid.get()));
        GuestCgroup cgroup = GuestCgroup.ofPid(pid.get()).orElse(null);
        Guest guest = new Guest(running.name(), running.id(), proc, discovered.devices().taps(), cpuSource(cgroup, proc));
        guest.qemuOps = discovered.qemuOps();
        if (cgroup != null && cgroup.v2() && Files.exists(cgroup.blkio().resolve("io.stat"))) {
            guest.disk = DiskSource.IO_STAT;
            guest.diskFile = cgroup.blkio().resolve("io.stat");
        } else if (cgroup != null && cgroup.blkio() != null && Files.exists(cgroup.blkio().resolve("blkio.throttle.io_service_bytes"))) {
            guest.disk = DiskSource.UNDECIDED;
            guest.diskFile = cgroup.blkio();
        } else {
            guest.disk = DiskSource.PROC_IO;
        }
        guest.opsFromQemu = guest.disk == DiskSource.PROC_IO || guest.disk == DiskSource.UNDECIDED;
        return guest;
    }

    private static Source cpuSource(GuestCgroup cgroup, Path proc) {
        if (cgroup != null && cgroup.cpuacct() != null && Files.exists(cgroup.cpuacct().resolve("cpuacct.usage"))) {
            return new Source(CpuSource.CPUACCT, cgroup.cpuacct().resolve("cpuacct.usage"));
        }
        if (cgroup != null && cgroup.unified() != null && Files.exists(cgroup.unified().resolve("cpu.stat"))) {
            return new Source(CpuSource.CPU_STAT, cgroup.unified().resolve("cpu.stat"));
        }
        return new Source(CpuSource.PROC_STAT, proc.resolve("stat"));
    }

    private void forgetStopped(Listing listing) {
        Set<Integer> running = new HashSet<>();
        for (LibvirtNative.DomainStats s : listing.running()) {
            running.add(s.id());
        }
        guests.keySet().retainAll(running);
    }

    private Map<String, CounterFiles.Net> readNetDev() {
        try {
            return files.netDev(NET_DEV);
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", NET_DEV, e.toString());
            return Map.of();
        }
    }

    enum CpuSource { CPUACCT, CPU_STAT, PROC_STAT }

    enum DiskSource { IO_STAT, BLKIO, PROC_IO, UNDECIDED }

    record Source(CpuSource kind, Path file) {
    }

    /** What is known about one running guest (one QEMU process). */
    private static final class Guest {
        final String name;
        final int id;
        final Path proc;
        final List<String> taps;
        final Source cpu;
        DiskSource disk;
        Path diskFile;
        boolean opsFromQemu;
        long[] qemuOps = {0, 0};

        /**
         * A refresh that started before this guest's discovery may carry older counts: taking
         * the larger value keeps the counters from ever going backwards.
         */
        void updateQemuOps(long[] ops) {
            if (ops != null) {
                qemuOps = new long[] {Math.max(qemuOps[0], ops[0]), Math.max(qemuOps[1], ops[1])};
            }
        }

        Guest(String name, int id, Path proc, List<String> taps, Source cpu) {
            this.name = name;
            this.id = id;
            this.proc = proc;
            this.taps = taps;
            this.cpu = cpu;
        }

        GuestSample sample(CounterFiles files, Map<String, CounterFiles.Net> net, Instant at) throws IOException {
            long cpuNs = switch (cpu.kind()) {
                case CPUACCT -> files.cpuacctUsageNs(cpu.file());
                case CPU_STAT -> files.cpuStatUsageNs(cpu.file());
                case PROC_STAT -> files.procStatCpuNs(cpu.file());
            };
            CounterFiles.Disk d = disk(files);
            long rx = 0;
            long tx = 0;
            for (String tap : taps) {
                CounterFiles.Net n = net.get(tap);
                if (n != null) {
                    // a tap counts from the host's side: what it transmits, the guest receives
                    rx += n.txBytes();
                    tx += n.rxBytes();
                }
            }
            long rdOps = d.readOps() >= 0 ? d.readOps() : qemuOps[0];
            long wrOps = d.writeOps() >= 0 ? d.writeOps() : qemuOps[1];
            return new GuestSample(name, id, at, cpuNs, d.readBytes(), d.writeBytes(), rdOps, wrOps, rx, tx);
        }

        private CounterFiles.Disk disk(CounterFiles files) throws IOException {
            return switch (disk) {
                case IO_STAT -> files.ioStat(diskFile);
                case PROC_IO -> files.procIo(proc.resolve("io"));
                case BLKIO -> blkio(files);
                case UNDECIDED -> decide(files);
            };
        }

        private CounterFiles.Disk blkio(CounterFiles files) throws IOException {
            long[] bytes = files.blkioReadWrite(diskFile.resolve("blkio.throttle.io_service_bytes"));
            long[] ops = files.blkioReadWrite(diskFile.resolve("blkio.throttle.io_serviced"));
            return new CounterFiles.Disk(bytes[0], bytes[1], ops[0], ops[1]);
        }

        /**
         * cgroup v1 only counts blkio.throttle.* for devices with throttling active. If the
         * process did I/O that the cgroup did not count, the cgroup is not counting: use /proc.
         */
        private CounterFiles.Disk decide(CounterFiles files) throws IOException {
            CounterFiles.Disk cgroup = blkio(files);
            if (cgroup.readBytes() + cgroup.writeBytes() > 0) {
                disk = DiskSource.BLKIO;
                opsFromQemu = false;
                return cgroup;
            }
            CounterFiles.Disk process = files.procIo(proc.resolve("io"));
            if (process.readBytes() + process.writeBytes() > 0) {
                disk = DiskSource.PROC_IO;
            }
            return process;
        }
    }
}
