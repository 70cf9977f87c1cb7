package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MigrationXmlTest {

    private static final String LIVE = """
            <domain type='qemu'>
              <name>vp-7</name>
              <vcpu placement='static'>2</vcpu>
              <cputune>
                <shares>512</shares>
                <vcpupin vcpu='0' cpuset='1'/>
                <vcpupin vcpu='1' cpuset='1'/>
                <emulatorpin cpuset='0'/>
              </cputune>
              <os><type>hvm</type><kernel>/var/lib/virtpanel/boot/tpl-demo.vmlinuz</kernel><initrd>/opt/images/demo.initrd</initrd></os>
              <devices>
                <disk type='file' device='disk'><source file='/var/lib/virtpanel/pool/vp-7-disk.qcow2'/><target dev='vda'/></disk>
                <disk type='file' device='cdrom'><source file='/var/lib/virtpanel/pool/vp-7-seed.iso'/><readonly/></disk>
                <interface type='network'>
                  <mac address='52:54:00:aa:bb:cc'/>
                  <source network='virtpanel' bridge='vpbr0'/>
                  <target dev='vpt0123456789ab'/>
                </interface>
                <serial type='pty'><log file='/var/lib/virtpanel/logs/vp-7.log' append='off'/></serial>
              </devices>
            </domain>""";

    private final String moved = MigrationXml.forTarget(LIVE, Path.of("/var/lib/virtpanel"),
            new MigrationTarget("qemu+tls://b.example/system", Path.of("/srv/panel"), "panel-b", "vptb", MigrationTarget.Cores.UNPINNED));

    @Test
    void aGuestOfAHostWithoutKvmIsEmulated() {
        assertThat(MigrationXml.emulated(LIVE)).isTrue();
        assertThat(MigrationXml.emulated(LIVE.replace("<domain type='qemu'>", "<domain type='kvm'>"))).isFalse();
    }

    @Test
    void filesUnderThisHostsStorageMoveUnderTheTargetsAndOthersStay() {
        assertThat(moved).contains("file=\"/srv/panel/pool/vp-7-disk.qcow2\"")
                .contains("file=\"/srv/panel/pool/vp-7-seed.iso\"")
                .contains("file=\"/srv/panel/logs/vp-7.log\"")
                .contains("<kernel>/srv/panel/boot/tpl-demo.vmlinuz</kernel>")
                .contains("<initrd>/opt/images/demo.initrd</initrd>")
                .doesNotContain("/var/lib/virtpanel/pool");
    }

    @Test
    void theGuestJoinsTheTargetsNetworkOnItsTapAndKeepsItsMac() {
        assertThat(moved).contains("network=\"panel-b\"").contains("dev=\"vptb\"")
                .contains("52:54:00:aa:bb:cc")
                .doesNotContain("vpbr0").doesNotContain("vpt0123456789ab");
    }

    @Test
    void aPathThatOnlyLooksAlikeIsNotMoved() {
        String other = LIVE.replace("/var/lib/virtpanel/pool/vp-7-seed.iso", "/var/lib/virtpanel-old/vp-7-seed.iso");
        assertThat(MigrationXml.forTarget(other, Path.of("/var/lib/virtpanel"),
                new MigrationTarget("x", Path.of("/srv/panel"), "n", "t", MigrationTarget.Cores.UNPINNED))).contains("/var/lib/virtpanel-old/vp-7-seed.iso");
    }

    @Test
    void aDedicatedGuestRunsOnTheCoresItHoldsThereAndItsEmulatorOnTheTargetsSharedOnes() {
        String there = MigrationXml.forTarget(LIVE, Path.of("/var/lib/virtpanel"), new MigrationTarget("x", Path.of("/srv/panel"), "n",
                "t", new MigrationTarget.Cores(CpuSet.parse("5,7"), CpuSet.parse("0-3"))));
        assertThat(there).contains("<vcpupin cpuset=\"5\" vcpu=\"0\"/>").contains("<vcpupin cpuset=\"7\" vcpu=\"1\"/>")
                .contains("<emulatorpin cpuset=\"0-3\"/>").contains("<shares>512</shares>")
                .doesNotContain("cpuset=\"1\"");
    }

    @Test
    void aSharedGuestGoingToAHostThatReservesNoCoresIsNotPinnedThere() {
        assertThat(moved).doesNotContain("vcpupin").doesNotContain("emulatorpin").contains("<shares>512</shares>");
    }
}
