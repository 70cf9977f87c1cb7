package com.virtpanel.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about the kernel's cgroup set-up that decide which limits the host can enforce, and
 * where each controller is mounted (cgroup v1 with one hierarchy per controller, v2 unified,
 * or the hybrid of both, where the unified hierarchy carries no controllers but still counts
 * CPU time).
 */
final class CgroupFiles {

    static final Path ROOT = Path.of("/sys/fs/cgroup");

    private static volatile Mounts mounts;

    private CgroupFiles() {
    }

    /** cgroup v2 has one unified hierarchy, announced by cgroup.controllers at the root. */
    static boolean unified() {
        return Files.exists(ROOT.resolve("cgroup.controllers"));
    }

    /**
     * A blkio/io weight needs a scheduler that honours it (BFQ, or CFQ on old kernels). Under
     * mq-deadline the files do not exist and libvirt would refuse to start the guest, so the
     * weight is only written where the kernel offers it.
     */
    static boolean blkioWeightSupported() {
        if (unified()) {
            return Files.exists(ROOT.resolve("machine.slice/io.bfq.weight")) || Files.exists(ROOT.resolve("machine.slice/io.weight"));
        }
        Path blkio = ROOT.resolve("blkio");
        return Files.exists(blkio.resolve("blkio.weight")) || Files.exists(blkio.resolve("blkio.bfq.weight"));
    }

    /** Where the hierarchies are mounted, read once from /proc/self/mountinfo. */
    static Mounts mounts() {
        Mounts known = mounts;
        if (known == null) {
            try {
                known = Mounts.parse(Files.readAllLines(Path.of("/proc/self/mountinfo")));
            } catch (IOException e) {
                known = new Mounts(Map.of(), null);
            }
            mounts = known;
        }
        return known;
    }

    /**
     * @param v1       mount point per cgroup v1 controller ("cpu", "cpuacct", "blkio", ...)
     * @param unified  mount point of the cgroup2 hierarchy, or null
     */
    record Mounts(Map<String, Path> v1, Path unified) {

        /** True when the controllers live in the unified hierarchy (pure cgroup v2). */
        boolean v2() {
            return unified != null && v1.get("cpu") == null;
        }

        /** mountinfo lines: "id parent dev root mountpoint opts [tags] - fstype source superopts". */
        static Mounts parse(List<String> mountinfo) {
            var v1 = new HashMap<String, Path>();
            Path unified = null;
            for (String line : mountinfo) {
                int dash = line.indexOf(" - ");
                if (dash < 0) {
                    continue;
                }
                String[] left = line.substring(0, dash).split(" ");
                String[] right = line.substring(dash + 3).split(" ");
                if (left.length < 5 || right.length < 3) {
                    continue;
                }
                Path mountPoint = Path.of(left[4]);
                if (right[0].equals("cgroup2")) {
                    unified = mountPoint;
                } else if (right[0].equals("cgroup")) {
                    for (String option : right[2].split(",")) {
                        if (!option.equals("rw") && !option.equals("ro") && !option.contains("=")) {
                            v1.putIfAbsent(option, mountPoint);
                        }
                    }
                }
            }
            return new Mounts(Map.copyOf(v1), unified);
        }
    }
}
