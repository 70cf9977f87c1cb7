package com.virtpanel.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One running guest's cgroups, found from its QEMU process the way the kernel sees it:
 * libvirt writes the pid to /run/libvirt/qemu/NAME.pid, /proc/PID/cgroup names the
 * process's group per hierarchy, and the domain's group is that path without the trailing
 * "/emulator" (libvirt moves QEMU's main thread there; vCPU threads sit in vcpuN beside it).
 *
 * <p>cgroup v1: cpu/machine/qemu-N-NAME.libvirt-qemu/{vcpuN,emulator}; cgroup v2:
 * machine.slice/machine-qemu\x2dN\x2dNAME.scope/libvirt/{vcpuN,emulator}.
 *
 * @param version   "v1" or "v2"
 * @param cpu       the domain's group in the cpu controller (v2: in the unified hierarchy)
 * @param cpuacct   the domain's group in the cpuacct controller, or null where libvirt did not place it
 * @param blkio     the domain's group in the blkio controller (v2: same as cpu), or null
 * @param unified   the domain's group in the unified hierarchy (v2, or v1's hybrid mode), or null
 */
record GuestCgroup(String version, Path cpu, Path cpuacct, Path blkio, Path unified) {

    /** The QEMU pid libvirt recorded for a running guest in {@code runDir} (panel.libvirt.run-dir). */
    static Optional<Long> pid(Path runDir, String domain) {
        try {
            return Optional.of(Long.parseLong(Files.readString(runDir.resolve(domain + ".pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<GuestCgroup> ofDomain(Path runDir, String domain) {
        return pid(runDir, domain).flatMap(GuestCgroup::ofPid);
    }

    static Optional<GuestCgroup> ofPid(long pid) {
        try {
            return Optional.ofNullable(parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup")),
                    CgroupFiles.mounts()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Builds the paths from /proc/PID/cgroup lines ("7:blkio:/machine/..." and "0::/machine/..."). */
    static GuestCgroup parse(List<String> procCgroup, CgroupFiles.Mounts mounts) {
        Path cpu = null;
        Path cpuacct = null;
        Path blkio = null;
        Path unified = null;
        for (String line : procCgroup) {
            int first = line.indexOf(':');
            int second = line.indexOf(':', first + 1);
            if (first < 0 || second < 0) {
                continue;
            }
            String controllers = line.substring(first + 1, second);
            String group = domainGroup(line.substring(second + 1));
            if (group == null) {
                continue; // the process is in the root group of this hierarchy: libvirt did not place it
            }
            if (controllers.isEmpty()) {
                unified = mounts.unified() == null ? null : resolve(mounts.unified(), group);
                continue;
            }
            for (String controller : controllers.split(",")) {
                Path mount = mounts.v1().get(controller);
                if (mount == null) {
                    continue;
                }
                switch (controller) {
                    case "cpu" -> cpu = resolve(mount, group);
                    case "cpuacct" -> cpuacct = resolve(mount, group);
                    case "blkio" -> blkio = resolve(mount, group);
                    default -> { }
                }
            }
        }
        if (cpu == null && unified != null && mounts.v2()) {
            return new GuestCgroup("v2", unified, null, unified, unified);
        }
        if (cpu == null) {
            return null;
        }
        return new GuestCgroup("v1", cpu, cpuacct, blkio, unified);
    }

    private static String domainGroup(String path) {
        String group = path.endsWith("/emulator") ? path.substring(0, path.length() - "/emulator".length()) : path;
        return group.isEmpty() || group.equals("/") ? null : group;
    }

    private static Path resolve(Path mount, String group) {
        return mount.resolve(group.startsWith("/") ? group.substring(1) : group);
    }

    boolean v2() {
        return version.equals("v2");
    }

    /** The vCPU groups, in vCPU order (vcpu0, vcpu1, ...). */
    List<Path> vcpuGroups() {
        try (Stream<Path> children = Files.list(cpu)) {
            return children.filter(p -> p.getFileName().toString().matches("vcpu\\d+"))
                    .sorted((a, b) -> Integer.compare(index(a), index(b))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Per-vCPU CFS quota in µs as the kernel enforces it; -1 means unlimited. */
    List<Long> vcpuQuotasUs() {
        var quotas = new ArrayList<Long>();
        for (Path vcpu : vcpuGroups()) {
            Long quota = v2() ? cpuMaxQuota(read(vcpu.resolve("cpu.max"))) : number(read(vcpu.resolve("cpu.cfs_quota_us")));
            if (quota != null) {
                quotas.add(quota);
            }
        }
        return quotas;
    }

    /** cpu.shares (v1) or cpu.weight (v2) of the whole guest. */
    Long cpuWeight() {
        return number(read(cpu.resolve(v2() ? "cpu.weight" : "cpu.shares")));
    }

    /** cpu.max is "QUOTA PERIOD" or "max PERIOD". */
    static Long cpuMaxQuota(String cpuMax) {
        if (cpuMax == null || cpuMax.isBlank()) {
            return null;
        }
        String quota = cpuMax.trim().split("\\s+")[0];
        return quota.equals("max") ? -1L : number(quota);
    }

    private static int index(Path vcpu) {
        return Integer.parseInt(vcpu.getFileName().toString().substring(4));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
