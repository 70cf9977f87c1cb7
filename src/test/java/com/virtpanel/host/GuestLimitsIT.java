package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live limit changes on a running guest reach libvirt (virsh schedinfo, blkdeviotune, domiftune),
 * the kernel (the vCPU's cgroup file, found here independently of the code under test) and the
 * stored definition.
 */
@IntegrationTest
class GuestLimitsIT {

    /** 30 % of a CPU, 123 IOPS, 4 MB/s, 8 Mbit/s: values no plan uses, so nothing is left over from the definition. */
    static final LimitSpec CHANGED = new LimitSpec(700, 30, 1, 123, 4_000_000, 400, 1000);

    @Autowired GuestLimits limits;
    @Autowired Domains domains;

    static DemoGuests guests;
    static String name;

    @BeforeAll
    static void startGuest(@Autowired Volumes volumes, @Autowired Domains domains, @Autowired HostProperties properties) {
        guests = new DemoGuests(volumes, domains, properties);
        guests.removeAll();
        name = guests.define("limits", 3, 192, DemoGuests.NANO);
        domains.start(name);
    }

    @AfterAll
    static void cleanUp() {
        guests.removeAll();
    }

    @Test
    void cpuQuotaAndIopsChangedOnARunningGuestAreWhatVirshAndTheKernelSee() throws Exception {
        limits.apply(name, CHANGED);

        assertThat(Shell.virsh("schedinfo", name)).contains("cpu_shares     : 700").contains("vcpu_quota     : 30000")
                .contains("vcpu_period    : 100000");
        assertThat(Shell.virsh("blkdeviotune", name, "vda")).contains("total_iops_sec : 123")
                .contains("total_bytes_sec: 4000000");
        if (NetworkShaping.detect() == NetworkShaping.LIBVIRT) {
            assertThat(Shell.virsh("domiftune", name, mac())).contains("inbound.average: 1000").contains("outbound.average: 1000");
        }
        if (NetworkShaping.detect() == NetworkShaping.TAP) {
            assertTapCappedAt8Mbit();
        }
        assertThat(kernelQuota()).isEqualTo("30000");

        LiveLimits live = limits.read(name);
        assertThat(live.cpuShares()).isEqualTo(700);
        assertThat(live.vcpuPeriodUs()).isEqualTo(100_000);
        assertThat(live.vcpuQuotaUs()).isEqualTo(30_000);
        assertThat(live.diskIops()).isEqualTo(123);
        assertThat(live.diskBytesPerSec()).isEqualTo(4_000_000);
        // by libvirt, or (without sfq, as on this host) by the panel's own tc caps on the tap
        Long net = NetworkShaping.detect() == NetworkShaping.NONE ? null : 1000L;
        assertThat(live.netInboundKBps()).isEqualTo(net);
        assertThat(live.netOutboundKBps()).isEqualTo(net);
        assertThat(live.cgroupVcpuQuotasUs()).containsExactly(30_000L);
        assertThat(live.cgroupCpuShares()).isEqualTo(700);
        assertThat(live.cgroupVersion()).isEqualTo(CgroupFiles.unified() ? "v2" : "v1");
        assertThat(live.blkioWeight()).as("no weight on a host whose disk scheduler ignores it")
                .isEqualTo(CgroupFiles.blkioWeightSupported() ? 400 : null);
    }

    @Test
    void changedLimitsAreKeptInTheStoredDefinition() {
        limits.apply(name, CHANGED);

        String stored = Shell.virsh("dumpxml", "--inactive", name);
        assertThat(stored).contains("<quota>30000</quota>").contains("<shares>700</shares>")
                .contains("<total_iops_sec>123</total_iops_sec>").contains("<total_bytes_sec>4000000</total_bytes_sec>");
        if (NetworkShaping.detect() == NetworkShaping.LIBVIRT) {
            assertThat(stored).contains("<inbound average='1000'/>");
        }
        if (NetworkShaping.detect() == NetworkShaping.TAP) {
            assertThat(DomainDevices.parse(stored).netCapKBps()).isEqualTo(1000L);
        }
    }

    /** A new tap at every start: where the panel caps it, the cap must follow, and the old IFB device go. */
    @Test
    void theNetworkCapIsBackOnTheNewTapAfterARestart() {
        limits.apply(name, CHANGED);
        String ifb = TapShaper.ifbFor(domains.interfaceDevice(name).orElseThrow());

        domains.powerOff(name);
        if (NetworkShaping.detect() == NetworkShaping.TAP) {
            Await.until("the stopped guest's IFB device to go", Duration.ofSeconds(30),
                    () -> Shell.run("ip", "link", "show", ifb).ok(), exists -> !exists);
        }
        domains.start(name);

        if (NetworkShaping.detect() == NetworkShaping.TAP) {
            Await.until("the cap on the new tap", Duration.ofSeconds(30), () -> limits.read(name),
                    l -> Long.valueOf(1000).equals(l.netInboundKBps()) && Long.valueOf(1000).equals(l.netOutboundKBps()));
            assertTapCappedAt8Mbit();
        }
        Long net = NetworkShaping.detect() == NetworkShaping.NONE ? null : 1000L;
        assertThat(limits.read(name).netOutboundKBps()).isEqualTo(net);
    }

    @Test
    void limitsOfAStoppedGuestChangeItsDefinitionForTheNextStart() {
        String stopped = guests.define("limits-off", 4, 192, DemoGuests.NANO);

        limits.apply(stopped, CHANGED);

        assertThat(Shell.virsh("dumpxml", "--inactive", stopped)).contains("<quota>30000</quota>")
                .contains("<total_iops_sec>123</total_iops_sec>");
        LiveLimits read = limits.read(stopped);
        assertThat(read.vcpuQuotaUs()).isEqualTo(30_000);
        assertThat(read.cgroupVcpuQuotasUs()).as("no cgroup while stopped").isNull();
    }

    @Test
    void limitsReturnToThePlanWhenAppliedAgain() throws Exception {
        limits.apply(name, CHANGED);
        limits.apply(name, DemoGuests.NANO);

        assertThat(Shell.virsh("schedinfo", name)).contains("vcpu_quota     : 50000");
        assertThat(Shell.virsh("blkdeviotune", name, "vda")).contains("total_iops_sec : 200");
        assertThat(kernelQuota()).isEqualTo("50000");
    }

    /** vcpu0's cpu.cfs_quota_us (v1) or cpu.max (v2), located from virsh's domain id, not from GuestCgroup. */
    private String kernelQuota() throws Exception {
        String id = Shell.virsh("domid", name);
        if (CgroupFiles.unified()) {
            Path scope = Path.of("/sys/fs/cgroup/machine.slice/machine-qemu\\x2d" + id + "\\x2d" + name.replace("-", "\\x2d") + ".scope");
            Path vcpu = Files.exists(scope.resolve("libvirt")) ? scope.resolve("libvirt/vcpu0") : scope.resolve("vcpu0");
            return Files.readString(vcpu.resolve("cpu.max")).trim().split(" ")[0];
        }
        Path group = Path.of("/sys/fs/cgroup/cpu/machine/qemu-" + id + "-" + name + ".libvirt-qemu/vcpu0/cpu.cfs_quota_us");
        return Shell.run("cat", group.toString()).output().trim();
    }

    /** Both directions at 8 Mbit/s (1000 kB/s), as tc itself prints them. */
    private void assertTapCappedAt8Mbit() {
        String tap = domains.interfaceDevice(name).orElseThrow();
        String ifb = TapShaper.ifbFor(tap);
        assertThat(Shell.run("tc", "qdisc", "show", "dev", tap).output()).as("to the guest").contains("qdisc tbf").contains("rate 8Mbit");
        assertThat(Shell.run("tc", "filter", "show", "dev", tap, "parent", "ffff:").output()).contains("Redirect to device " + ifb);
        assertThat(Shell.run("tc", "qdisc", "show", "dev", ifb).output()).as("from the guest").contains("qdisc tbf").contains("rate 8Mbit");
    }

    private String mac() {
        return DomainDevices.parse(domains.liveXml(name).orElseThrow()).nics().get(0).mac();
    }
}
