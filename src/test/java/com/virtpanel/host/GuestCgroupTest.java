package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a guest's cgroups from its QEMU process, on cgroup v1 (this host), v2 and the hybrid. */
class GuestCgroupTest {

    static final List<String> V1_HYBRID_MOUNTS = List.of(
            "30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
            "31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu",
            "32 30 0:29 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct",
            "37 30 0:34 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio",
            "39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd",
            "40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw");

    static final List<String> V1_COMOUNTED = List.of(
            "25 24 0:22 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:8 - cgroup cgroup rw,cpu,cpuacct",
            "26 24 0:23 / /sys/fs/cgroup/blkio rw,nosuid shared:9 - cgroup cgroup rw,blkio");

    static final List<String> V2_MOUNTS = List.of(
            "26 24 0:23 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot");

    @Test
    void onThisHostsLayoutTheDomainGroupIsTheEmulatorsParent() {
        var mounts = CgroupFiles.Mounts.parse(V1_HYBRID_MOUNTS);
        GuestCgroup cgroup = GuestCgroup.parse(List.of(
                "9:name=systemd:/",
                "7:blkio:/machine/qemu-52-vp-demo-test.libvirt-qemu",
                "3:cpuset:/machine/qemu-52-vp-demo-test.libvirt-qemu/emulator",
                "2:cpuacct:/",
                "1:cpu:/machine/qemu-52-vp-demo-test.libvirt-qemu/emulator",
                "0::/machine/qemu-52-vp-demo-test.libvirt-qemu/emulator"), mounts);

        assertThat(mounts.v2()).isFalse();
        assertThat(cgroup.version()).isEqualTo("v1");
        assertThat(cgroup.cpu()).isEqualTo(Path.of("/sys/fs/cgroup/cpu/machine/qemu-52-vp-demo-test.libvirt-qemu"));
        assertThat(cgroup.cpuacct()).as("libvirt left cpuacct at the root").isNull();
        assertThat(cgroup.blkio()).isEqualTo(Path.of("/sys/fs/cgroup/blkio/machine/qemu-52-vp-demo-test.libvirt-qemu"));
        assertThat(cgroup.unified()).isEqualTo(Path.of("/sys/fs/cgroup/unified/machine/qemu-52-vp-demo-test.libvirt-qemu"));
    }

    @Test
    void coMountedCpuAndCpuacctShareOneGroup() {
        GuestCgroup cgroup = GuestCgroup.parse(List.of(
                "4:blkio:/machine.slice/machine-qemu\\x2d3\\x2dweb.scope",
                "3:cpu,cpuacct:/machine.slice/machine-qemu\\x2d3\\x2dweb.scope/emulator"), CgroupFiles.Mounts.parse(V1_COMOUNTED));

        assertThat(cgroup.cpu()).isEqualTo(Path.of("/sys/fs/cgroup/cpu,cpuacct/machine.slice/machine-qemu\\x2d3\\x2dweb.scope"));
        assertThat(cgroup.cpuacct()).isEqualTo(cgroup.cpu());
        assertThat(cgroup.unified()).isNull();
    }

    @Test
    void onCgroupV2EverythingIsInTheUnifiedGroup() {
        var mounts = CgroupFiles.Mounts.parse(V2_MOUNTS);
        GuestCgroup cgroup = GuestCgroup.parse(List.of("0::/machine.slice/machine-qemu\\x2d3\\x2dweb.scope/libvirt/emulator"), mounts);

        assertThat(mounts.v2()).isTrue();
        assertThat(cgroup.version()).isEqualTo("v2");
        Path group = Path.of("/sys/fs/cgroup/machine.slice/machine-qemu\\x2d3\\x2dweb.scope/libvirt");
        assertThat(cgroup.cpu()).isEqualTo(group);
        assertThat(cgroup.blkio()).isEqualTo(group);
        assertThat(cgroup.v2()).isTrue();
    }

    @Test
    void aProcessLibvirtDidNotPlaceHasNoGuestCgroup() {
        assertThat(GuestCgroup.parse(List.of("1:cpu:/", "0::/"), CgroupFiles.Mounts.parse(V1_HYBRID_MOUNTS))).isNull();
    }

    @Test
    void cpuMaxReadsAsAQuotaOrUnlimited() {
        assertThat(GuestCgroup.cpuMaxQuota("50000 100000\n")).isEqualTo(50_000L);
        assertThat(GuestCgroup.cpuMaxQuota("max 100000\n")).isEqualTo(-1L);
        assertThat(GuestCgroup.cpuMaxQuota("")).isNull();
    }

    @Test
    void vcpuQuotasAreReadInVcpuOrderFromV1Files(@TempDir Path dir) throws IOException {
        for (int i : new int[] {0, 1, 10, 2}) {
            Files.createDirectories(dir.resolve("vcpu" + i));
            Files.writeString(dir.resolve("vcpu" + i).resolve("cpu.cfs_quota_us"), (i == 10 ? "-1" : (i + 1) * 1000) + "\n");
        }
        Files.createDirectories(dir.resolve("emulator"));
        Files.writeString(dir.resolve("cpu.shares"), "512\n");
        var cgroup = new GuestCgroup("v1", dir, null, null, null);

        assertThat(cgroup.vcpuQuotasUs()).containsExactly(1000L, 2000L, 3000L, -1L);
        assertThat(cgroup.cpuWeight()).isEqualTo(512L);
    }

    @Test
    void vcpuQuotasAndWeightAreReadFromV2Files(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("vcpu0"));
        Files.writeString(dir.resolve("vcpu0/cpu.max"), "25000 100000\n");
        Files.writeString(dir.resolve("cpu.weight"), "100\n");
        var cgroup = new GuestCgroup("v2", dir, null, dir, dir);

        assertThat(cgroup.vcpuQuotasUs()).containsExactly(25_000L);
        assertThat(cgroup.cpuWeight()).isEqualTo(100L);
    }
}
