package com.virtpanel.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.libvirt.Domain;
import org.libvirt.DomainBlockStats;
import org.springframework.context.ApplicationContext;

/**
 * Test-only access to the host module's sampling sources, one at a time, for the benchmark in
 * com.virtpanel.bench (which cannot see the module's package-private classes) and GuestStatsIT.
 * Every method does one unit of work for all given guests and returns how many it covered.
 */
public final class SamplingLab {

    public static final Map<String, Integer> GROUPS = groups();

    private final LibvirtConnection libvirt;
    private final GuestStats stats;
    private final DemoGuests guests;
    private final CounterFiles files = new CounterFiles();

    public SamplingLab(ApplicationContext context) {
        this.libvirt = context.getBean(LibvirtConnection.class);
        this.stats = context.getBean(GuestStats.class);
        this.guests = new DemoGuests(context.getBean(Volumes.class), context.getBean(Domains.class),
                context.getBean(HostProperties.class));
    }

    private static Map<String, Integer> groups() {
        var g = new LinkedHashMap<String, Integer>();
        g.put("STATE", LibvirtNative.STATS_STATE);
        g.put("INTERFACE", LibvirtNative.STATS_INTERFACE);
        g.put("CPU_TOTAL", LibvirtNative.STATS_CPU_TOTAL);
        g.put("VCPU", LibvirtNative.STATS_VCPU);
        g.put("BALLOON", LibvirtNative.STATS_BALLOON);
        g.put("BLOCK", LibvirtNative.STATS_BLOCK);
        g.put("ALL", LibvirtNative.STATS_ALL);
        return g;
    }

    public static String prefix() {
        return DemoGuests.PREFIX;
    }

    /** Defines a demo guest named prefix + suffix (not started). */
    public String defineDemoGuest(String suffix, int index, int memoryMib) {
        return guests.define(suffix, index, memoryMib, DemoGuests.NANO);
    }

    public void removeAllDemoGuests() {
        guests.removeAll();
    }

    /** One bulk call for every running guest with the given stats groups; returns the number of guests. */
    public int bulk(int groups) {
        return libvirt.call("bench bulk stats", c -> LibvirtNative.allDomainStats(c, groups, LibvirtNative.STATS_ACTIVE | LibvirtNative.STATS_NOWAIT).size());
    }

    /**
     * The naive pass: one bulk call with every group, mapped to samples (CPU time, block and
     * interface counters as libvirt reports them).
     */
    public List<GuestSample> naivePass() {
        Instant at = Instant.now();
        return libvirt.call("bench naive pass", c -> {
            var samples = new ArrayList<GuestSample>();
            for (LibvirtNative.DomainStats s : LibvirtNative.allDomainStats(c, LibvirtNative.STATS_ALL,
                    LibvirtNative.STATS_ACTIVE | LibvirtNative.STATS_NOWAIT)) {
                long rdB = 0, wrB = 0, rdOps = 0, wrOps = 0, rx = 0, tx = 0;
                for (int i = 0; i < s.number("block.count", 0); i++) {
                    rdB += s.number("block." + i + ".rd.bytes", 0);
                    wrB += s.number("block." + i + ".wr.bytes", 0);
                    rdOps += s.number("block." + i + ".rd.reqs", 0);
                    wrOps += s.number("block." + i + ".wr.reqs", 0);
                }
                for (int i = 0; i < s.number("net.count", 0); i++) {
                    rx += s.number("net." + i + ".rx.bytes", 0);
                    tx += s.number("net." + i + ".tx.bytes", 0);
                }
                samples.add(new GuestSample(s.name(), s.id(), at, s.number("cpu.time", 0), rdB, wrB, rdOps, wrOps, rx, tx));
            }
            return samples;
        });
    }

    /** The chosen pass (GuestStats.sampleRunning), with its per-guest facts already cached. */
    public List<GuestSample> chosenPass() {
        return stats.sampleRunning();
    }

    /** The chosen pass from cold: facts (pid, cgroups, devices, QEMU's counters so far) looked up again. */
    public List<GuestSample> coldPass() {
        stats.forgetAll();
        return stats.sampleRunning();
    }

    /** The background refresh of QEMU's block counters (operation counts), run in the foreground. */
    public int qemuRefresh() {
        stats.refreshQemuCountersNow();
        return stats.sampleRunning().size();
    }

    /** Per-domain libvirt calls for the given guests; {@code call} is one of perDomainCalls(). */
    public int perDomain(String call, List<String> names) {
        return libvirt.call("bench " + call, c -> {
            int n = 0;
            for (String name : names) {
                switch (call) {
                    case "virDomainGetState" -> LibvirtNative.state(c, name);
                    case "virDomainGetInfo", "virDomainBlockStats(vda)", "virDomainInterfaceStats(vnet)", "virDomainGetXMLDesc" -> {
                        Domain d = c.domainLookupByName(name);
                        try {
                            switch (call) {
                                case "virDomainGetInfo" -> d.getInfo();
                                case "virDomainBlockStats(vda)" -> d.blockStats("vda");
                                case "virDomainInterfaceStats(vnet)" -> d.interfaceStats(tap(name));
                                default -> d.getXMLDesc(0);
                            }
                        } finally {
                            d.free();
                        }
                    }
                    default -> throw new IllegalArgumentException(call);
                }
                n++;
            }
            return n;
        });
    }

    public static List<String> perDomainCalls() {
        return List.of("virDomainGetState", "virDomainGetInfo", "virDomainInterfaceStats(vnet)", "virDomainBlockStats(vda)",
                "virDomainGetXMLDesc");
    }

    private final Map<String, String> taps = new LinkedHashMap<>();

    private String tap(String name) {
        return taps.computeIfAbsent(name, n -> libvirt.call("bench tap", c -> {
            Domain d = c.domainLookupByName(n);
            try {
                return DomainDevices.parse(d.getXMLDesc(0)).taps().get(0);
            } finally {
                d.free();
            }
        }));
    }

    /** The kernel files one guest's counters can come from, by source name; absent where this host lacks them. */
    public Map<String, List<Path>> kernelFiles(List<String> names) {
        var sources = new LinkedHashMap<String, List<Path>>();
        for (String name : names) {
            long pid = GuestCgroup.pid(Path.of("/run/libvirt/qemu"), name).orElseThrow();
            GuestCgroup cgroup = GuestCgroup.ofPid(pid).orElseThrow();
            Path proc = Path.of("/proc", Long.toString(pid));
            add(sources, "cgroup cpu.stat usage_usec (unified)", cgroup.unified() == null ? null : cgroup.unified().resolve("cpu.stat"));
            add(sources, "cgroup cpuacct.usage (v1)", cgroup.cpuacct() == null ? null : cgroup.cpuacct().resolve("cpuacct.usage"));
            add(sources, "/proc/PID/stat utime+stime", proc.resolve("stat"));
            add(sources, "/proc/PID/io read/write_bytes", proc.resolve("io"));
            add(sources, "cgroup blkio.throttle bytes+ops (v1, 2 files)",
                    cgroup.blkio() == null || cgroup.v2() ? null : cgroup.blkio().resolve("blkio.throttle.io_service_bytes"));
            add(sources, "cgroup io.stat (v2)", cgroup.v2() ? cgroup.blkio().resolve("io.stat") : null);
        }
        return sources;
    }

    private static void add(Map<String, List<Path>> sources, String source, Path file) {
        if (file != null && Files.isReadable(file)) {
            sources.computeIfAbsent(source, s -> new ArrayList<>()).add(file);
        }
    }

    /** Reads every file of one source once; returns how many were read. */
    public int readKernel(String source, List<Path> paths) throws IOException {
        for (Path p : paths) {
            switch (source) {
                case "cgroup cpu.stat usage_usec (unified)" -> files.cpuStatUsageNs(p);
                case "cgroup cpuacct.usage (v1)" -> files.cpuacctUsageNs(p);
                case "/proc/PID/stat utime+stime" -> files.procStatCpuNs(p);
                case "/proc/PID/io read/write_bytes" -> files.procIo(p);
                case "cgroup blkio.throttle bytes+ops (v1, 2 files)" -> {
                    files.blkioReadWrite(p);
                    files.blkioReadWrite(p.resolveSibling("blkio.throttle.io_serviced"));
                }
                case "cgroup io.stat (v2)" -> files.ioStat(p);
                default -> throw new IllegalArgumentException(source);
            }
        }
        return paths.size();
    }

    /** One read of /proc/net/dev, which serves every guest's taps at once; returns the number of interfaces. */
    public int readNetDev() throws IOException {
        return files.netDev(GuestStats.NET_DEV).size();
    }

    /** QEMU's exact block counters for the given guests, one monitor round trip each (what discovery does). */
    public long[] qemuBlockOps(String name) {
        return libvirt.call("bench block", c -> {
            Domain d = c.domainLookupByName(name);
            try {
                long[] ops = {0, 0};
                for (String target : DomainDevices.parse(d.getXMLDesc(0)).allBlockTargets()) {
                    DomainBlockStats b = d.blockStats(target);
                    ops[0] += b.rd_req;
                    ops[1] += b.wr_req;
                }
                return ops;
            } finally {
                d.free();
            }
        });
    }

    /** Which sources the chosen pass picked on this host, for the report. */
    public String chosenSources(String name) {
        long pid = GuestCgroup.pid(Path.of("/run/libvirt/qemu"), name).orElseThrow();
        GuestCgroup cgroup = GuestCgroup.ofPid(pid).orElseThrow();
        String cpu = cgroup.cpuacct() != null ? "cgroup cpuacct.usage"
                : cgroup.unified() != null ? "cgroup cpu.stat usage_usec (unified hierarchy)" : "/proc/PID/stat";
        return "cgroup " + cgroup.version() + "; CPU: " + cpu + "; disk bytes: " + (cgroup.v2() ? "io.stat" : "blkio.throttle if counting, else /proc/PID/io")
                + "; disk ops: " + (cgroup.v2() ? "io.stat" : "blkio.throttle if counting, else QEMU (bulk BLOCK every panel.libvirt.qemu-stats-interval)")
                + "; network: /proc/net/dev";
    }
}
