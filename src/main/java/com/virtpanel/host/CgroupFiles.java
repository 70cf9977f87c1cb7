package com.virtpanel.host;

import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the kernel's cgroup set-up that decide which limits the host can enforce. */
final class CgroupFiles {

    static final Path ROOT = Path.of("/sys/fs/cgroup");

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
}
