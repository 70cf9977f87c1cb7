package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The rescue definition: the rescue kernel, its seed as vda, the server's disk as vdb, a reboot that stops. */
class RescueDomainXmlTest {

    static final DirectBoot RESCUE = new DirectBoot("/img/rescue/rescue-vmlinuz", "/img/rescue/rescue-initrd.img", "rdinit=/init");

    @Test
    void aRescueBootHasTheRescueKernelItsSeedFirstAndTheServersDiskSecond() {
        var x = rescue(DomainXmlTest.spec(DomainXmlTest.LINUX, null));

        assertThat(x.text("/domain/os/kernel")).isEqualTo("/img/rescue/rescue-vmlinuz");
        assertThat(x.text("/domain/os/initrd")).isEqualTo("/img/rescue/rescue-initrd.img");
        assertThat(x.count("/domain/devices/disk")).isEqualTo(2);
        assertThat(x.text("/domain/devices/disk[1]/source/@file")).isEqualTo("/pool/web-1-rescue.iso");
        assertThat(x.text("/domain/devices/disk[1]/target/@dev")).isEqualTo("vda");
        assertThat(x.count("/domain/devices/disk[1]/readonly")).isEqualTo(1);
        assertThat(x.text("/domain/devices/disk[2]/source/@file")).isEqualTo("/pool/web-1-disk.qcow2");
        assertThat(x.text("/domain/devices/disk[2]/target/@dev")).isEqualTo("vdb");
        assertThat(x.count("/domain/devices/disk[@device='cdrom']")).as("no cloud-init seed in rescue").isZero();
        assertThat(x.text("/domain/on_reboot")).isEqualTo("destroy");
        // the same address filter and console as normally
        assertThat(x.text("/domain/devices/interface/filterref/parameter[@name='IP']/@value")).isEqualTo("10.122.0.7");
        assertThat(x.count("/domain/devices/graphics[@type='vnc']")).isEqualTo(1);
    }

    @Test
    void aWindowsServersDiskIsReachedOverVirtioInRescue() {
        var x = rescue(DomainXmlTest.spec(DomainXmlTest.WINDOWS, null));

        assertThat(x.text("/domain/devices/disk[2]/target/@bus")).isEqualTo("virtio");
        assertThat(x.text("/domain/devices/interface/model/@type")).isEqualTo("virtio");
        assertThat(x.text("/domain/os/@firmware")).as("the rescue kernel is loaded directly, without UEFI").isEmpty();
    }

    @Test
    void theNormalDefinitionRestartsOnReboot() {
        assertThat(DomainXmlTest.xml(DomainXmlTest.spec(DomainXmlTest.LINUX, null), DomainXmlTest.TCG).text("/domain/on_reboot"))
                .isEqualTo("restart");
    }

    private static DomainXmlTest.Xml rescue(DomainSpec spec) {
        return new DomainXmlTest.Xml(DomainXml.of(spec, DomainXmlTest.TCG, Path.of("/pool").resolve(spec.diskVolume()),
                Path.of("/pool").resolve(spec.seedVolume()), Path.of("/log/x.serial.log"),
                new DomainXml.Rescue(RESCUE, Path.of("/pool/web-1-rescue.iso"))));
    }
}
