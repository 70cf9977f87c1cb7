package com.virtpanel.quota;

import com.virtpanel.testkit.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a guest's limits from outside the panel: virsh and the kernel's cgroup files. */
public final class Host {

    private Host() {
    }

    /** A field of {@code virsh schedinfo}, e.g. vcpu_quota. */
    static long schedinfo(String domain, String field) {
        return field(Shell.virsh("schedinfo", domain), field);
    }

    /** A field of {@code virsh blkdeviotune <domain> vda}, e.g. total_iops_sec. */
    static long blkdeviotune(String domain, String field) {
        return field(Shell.virsh("blkdeviotune", domain, "vda"), field);
    }

    /** The guest's host-side interface (vnetN), from {@code virsh domiflist}. */
    static String tap(String domain) {
        Matcher m = Pattern.compile("(?m)^\\s*(\\S+)\\s+network\\s").matcher(Shell.virsh("domiflist", domain));
        if (!m.find()) {
            throw new IllegalStateException("no interface on " + domain);
        }
        return m.group(1);
    }

    /**
     * The rate (bit/s) the kernel's root TBF qdisc caps the guest's tap at, as {@code tc -j} reports it, or 0
     * when there is none. This is the panel's own cap, used where libvirt's bandwidth cannot work (no sfq).
     */
    static long tapCapBitsPerSecond(String domain) {
        Matcher m = Pattern.compile("\\{\"kind\":\"tbf\"[^{]*\"root\":true[^{]*\"options\":\\{\"rate\":(\\d+)")
                .matcher(Shell.run("tc", "-j", "qdisc", "show", "dev", tap(domain)).output());
        return m.find() ? Long.parseLong(m.group(1)) * 8 : 0;
    }

    /** What caps what the guest receives (bit/s): the panel's TBF on the tap, else libvirt's interface bandwidth. */
    static long networkCapBitsPerSecond(String domain) {
        long tapCap = tapCapBitsPerSecond(domain);
        return tapCap > 0 ? tapCap : field(Shell.virsh("domiftune", domain, tap(domain)), "inbound.average") * 8000;
    }

    /** vCPU 0's CFS quota as the kernel has it (cgroup v1 cpu.cfs_quota_us or v2 cpu.max). */
    public static long cgroupVcpuQuota(String domain) {
        Path dir = guestCgroup(domain).resolve("vcpu0");
        try {
            if (Files.exists(dir.resolve("cpu.cfs_quota_us"))) {
                return Long.parseLong(Files.readString(dir.resolve("cpu.cfs_quota_us")).trim());
            }
            String max = Files.readString(dir.resolve("cpu.max")).trim().split(" ")[0];
            return max.equals("max") ? -1 : Long.parseLong(max);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path guestCgroup(String domain) {
        for (Path root : new Path[] {Path.of("/sys/fs/cgroup/cpu/machine"), Path.of("/sys/fs/cgroup/machine.slice")}) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(root)) {
                var found = dirs.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith("-" + domain + ".libvirt-qemu") || n.contains("-" + domain.replace("-", "\\x2d") + ".scope");
                }).findFirst();
                if (found.isPresent()) {
                    Path p = found.get();
                    return Files.isDirectory(p.resolve("libvirt")) ? p.resolve("libvirt") : p;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no cgroup for " + domain);
    }

    /** CPU time of all vCPUs, in nanoseconds, as libvirt reports it (virsh domstats --vcpu). */
    static long vcpuTimeNs(String domain) {
        Matcher m = Pattern.compile("vcpu\\.\\d+\\.time=(\\d+)").matcher(Shell.virsh("domstats", "--vcpu", domain));
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    /** The vCPUs' CPU use over {@code millis}, in % of one vCPU. */
    static double vcpuPercentOver(String domain, long millis) {
        long t0 = vcpuTimeNs(domain);
        long w0 = System.nanoTime();
        com.virtpanel.testkit.Await.sleep(millis);
        long t1 = vcpuTimeNs(domain);
        long w1 = System.nanoTime();
        return (t1 - t0) * 100.0 / (w1 - w0);
    }

    private static long field(String output, String field) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(field) + "\\s*:\\s*(-?\\d+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException(field + " not in: " + output);
        }
        return Long.parseLong(m.group(1));
    }
}
