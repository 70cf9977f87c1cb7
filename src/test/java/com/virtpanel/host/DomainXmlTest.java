package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The domain XML, parsed back, for each OS profile and host setting. */
class DomainXmlTest {

    static final LimitSpec NANO = new LimitSpec(512, 50, 1, 200, 20_000_000, 300, 12_500);
    static final DomainXml.Host TCG = new DomainXml.Host("qemu", "q35", "", "vp-net", false, NetworkShaping.LIBVIRT);
    static final DomainXml.Host KVM = new DomainXml.Host("kvm", "q35", "", "vp-net", true, NetworkShaping.LIBVIRT);

    static final GuestOs LINUX = new GuestOs(GuestOs.Family.LINUX, true, false);
    static final GuestOs FREEBSD = new GuestOs(GuestOs.Family.FREEBSD, true, false);
    static final GuestOs WINDOWS = new GuestOs(GuestOs.Family.WINDOWS, false, true);
    static final GuestOs WINDOWS_VIRTIO = new GuestOs(GuestOs.Family.WINDOWS, true, true);

    @Test
    void aLinuxGuestGetsVirtioDiskNetworkBalloonAndRandomNumbers() {
        Xml x = xml(spec(LINUX, null), TCG);

        assertThat(x.text("/domain/devices/disk[@device='disk']/target/@bus")).isEqualTo("virtio");
        assertThat(x.text("/domain/devices/disk[@device='disk']/target/@dev")).isEqualTo("vda");
        assertThat(x.text("/domain/devices/interface/model/@type")).isEqualTo("virtio");
        assertThat(x.text("/domain/devices/memballoon/@model")).isEqualTo("virtio");
        assertThat(x.count("/domain/devices/rng[@model='virtio']")).isEqualTo(1);
        assertThat(x.text("/domain/clock/@offset")).isEqualTo("utc");
        // the guest agent's port, so backups can freeze the filesystems when an agent answers
        assertThat(x.count("/domain/devices/channel[@type='unix']/target[@type='virtio'][@name='org.qemu.guest_agent.0']"))
                .isEqualTo(1);
    }

    @Test
    void theGuestNamesItsTapSoTwoDaemonsOnOneMachineNeverPickTheSameVnetN() {
        String tap = xml(spec(LINUX, null), TCG).text("/domain/devices/interface/target/@dev");

        assertThat(tap).startsWith("vpt").hasSize(15).isEqualTo(DomainXml.tapName(spec(LINUX, null).name()));
        assertThat(DomainXml.tapName("vp-bd1-2")).isNotEqualTo(DomainXml.tapName("vp-bd1f2-2"));
    }

    @Test
    void theGuestsInterfaceSitsUnderThePanelsFilterWithItsOwnAddress() {
        Xml x = xml(spec(LINUX, null), TCG);

        assertThat(x.text("/domain/devices/interface/filterref/@filter")).isEqualTo("virtpanel-guest");
        assertThat(x.text("/domain/devices/interface/filterref/parameter[@name='IP']/@value")).isEqualTo("10.122.0.7");
    }

    @Test
    void aGuestWithItsOwnSlash64IsFilteredToItAndToItsLinkLocalAddress() {
        var plain = spec(LINUX, null);
        var spec = new DomainSpec(plain.name(), plain.title(), 1, 256, LINUX, null, plain.diskVolume(), plain.seedVolume(),
                plain.mac(), NANO, plain.ipv4(), null, "fd76:a7a:0:5::");
        Xml x = xml(spec, TCG);

        assertThat(x.text("/domain/devices/interface/filterref/@filter")).isEqualTo("virtpanel-guest-ipv6");
        assertThat(x.text("/domain/devices/interface/filterref/parameter[@name='IP']/@value")).isEqualTo("10.122.0.7");
        assertThat(x.text("/domain/devices/interface/filterref/parameter[@name='IPV6_NET']/@value")).isEqualTo("fd76:a7a:0:5::");
        assertThat(x.text("/domain/devices/interface/filterref/parameter[@name='IPV6_LINK']/@value"))
                .isEqualTo("fe80::5054:ff:fe00:1");
        assertThat(GuestFilter.ipv6Xml(null)).contains("<filterref filter='virtpanel-guest'/>");
        assertThat(GuestFilter.ipv6ChainXml(null)).contains("srcipaddr='$IPV6_NET' srcipmask='64'")
                .contains("<rule action='drop' direction='out' priority='1000'/>");
    }

    @Test
    void theFilterKeepsGuestsToTheirOwnIdentityAndServesNoDhcp() {
        String filter = GuestFilter.xml("0b8d1a4e-4a2f-4f6b-9a57-0d7c7e0a1b2c");

        assertThat(filter).contains("<filterref filter='clean-traffic'/>").contains("srcportstart='67'")
                .contains("direction='out'").contains("<uuid>0b8d1a4e-4a2f-4f6b-9a57-0d7c7e0a1b2c</uuid>");
    }

    @Test
    void theFilterIsNotRedefinedWhenLibvirtHoldsTheSameRules() {
        String uuid = "5a81544a-be28-4bd5-9c8f-c57b0610042f";
        String asLibvirtGivesItBack = """
                <filter name='virtpanel-guest' chain='root'>
                  <uuid>5a81544a-be28-4bd5-9c8f-c57b0610042f</uuid>
                  <filterref filter='clean-traffic'/>
                  <rule action='drop' direction='out' priority='-800'>
                    <ip protocol='udp' srcportstart='67' srcportend='67'/>
                  </rule>
                </filter>
                """;

        assertThat(GuestFilter.sameRules(asLibvirtGivesItBack, GuestFilter.xml(uuid))).isTrue();
        assertThat(GuestFilter.sameRules(asLibvirtGivesItBack.replace("'67'", "'68'"), GuestFilter.xml(uuid))).isFalse();
    }

    @Test
    void aFreeBsdGuestGetsVirtioDevicesToo() {
        Xml x = xml(spec(FREEBSD, null), TCG);

        assertThat(x.text("/domain/devices/disk[@device='disk']/target/@bus")).isEqualTo("virtio");
        assertThat(x.text("/domain/devices/interface/model/@type")).isEqualTo("virtio");
    }

    @Test
    void aWindowsGuestWithoutVirtioDriversGetsSataAndE1000eAndNoBalloon() {
        Xml x = xml(spec(WINDOWS, null), TCG);

        assertThat(x.text("/domain/devices/disk[@device='disk']/target/@bus")).isEqualTo("sata");
        assertThat(x.text("/domain/devices/disk[@device='disk']/target/@dev")).isEqualTo("sda");
        assertThat(x.text("/domain/devices/disk[@device='cdrom']/target/@dev")).isEqualTo("sdb");
        assertThat(x.text("/domain/devices/interface/model/@type")).isEqualTo("e1000e");
        assertThat(x.text("/domain/devices/memballoon/@model")).isEqualTo("none");
        assertThat(x.count("/domain/devices/rng")).isZero();
        assertThat(x.count("/domain/devices/channel")).isZero(); // a virtio port it has no driver for
        assertThat(x.text("/domain/clock/@offset")).isEqualTo("localtime");
        assertThat(x.count("/domain/features/hyperv")).isEqualTo(1);
    }

    @Test
    void aWindowsGuestWithVirtioDriversGetsVirtio() {
        Xml x = xml(spec(WINDOWS_VIRTIO, null), TCG);

        assertThat(x.text("/domain/devices/disk[@device='disk']/target/@bus")).isEqualTo("virtio");
        assertThat(x.text("/domain/devices/interface/model/@type")).isEqualTo("virtio");
    }

    @Test
    void uefiGuestsBootWithEfiFirmwareAndBiosGuestsWithout() {
        assertThat(xml(spec(WINDOWS, null), TCG).text("/domain/os/@firmware")).isEqualTo("efi");
        assertThat(xml(spec(LINUX, null), TCG).text("/domain/os/@firmware")).isEmpty();
        assertThat(xml(spec(LINUX, null), TCG).text("/domain/os/boot/@dev")).isEqualTo("hd");
    }

    @Test
    void theVirtualizationTypeAndMachineComeFromTheHost() {
        assertThat(xml(spec(LINUX, null), TCG).text("/domain/@type")).isEqualTo("qemu");
        assertThat(xml(spec(LINUX, null), KVM).text("/domain/@type")).isEqualTo("kvm");
        assertThat(xml(spec(LINUX, null), KVM).text("/domain/os/type/@machine")).isEqualTo("q35");
    }

    @Test
    void noGuestIsEverGivenTheHostsCpu() {
        assertThat(xml(spec(LINUX, null), TCG).count("/domain/cpu")).isZero();
        assertThat(xml(spec(LINUX, null), KVM).text("/domain/cpu/@mode")).isEqualTo("host-model");
        var custom = new DomainXml.Host("kvm", "q35", "Skylake-Client-noTSX-IBRS", "vp-net", false, NetworkShaping.LIBVIRT);
        Xml x = xml(spec(LINUX, null), custom);
        assertThat(x.text("/domain/cpu/@mode")).isEqualTo("custom");
        assertThat(x.text("/domain/cpu/model")).isEqualTo("Skylake-Client-noTSX-IBRS");
        for (DomainXml.Host host : new DomainXml.Host[] {TCG, KVM, custom}) {
            assertThat(DomainXml.of(spec(LINUX, null), host, Path.of("/d"), null, Path.of("/l"))).doesNotContain("host-passthrough");
        }
    }

    @Test
    void everyGuestHasAcpiApicVncOnLoopbackAndASerialConsoleLog() {
        Xml x = xml(spec(LINUX, null), TCG);

        assertThat(x.count("/domain/features/acpi")).isEqualTo(1);
        assertThat(x.count("/domain/features/apic")).isEqualTo(1);
        assertThat(x.text("/domain/devices/graphics/@type")).isEqualTo("vnc");
        assertThat(x.text("/domain/devices/graphics/@autoport")).isEqualTo("yes");
        assertThat(x.text("/domain/devices/graphics/@listen")).isEqualTo("127.0.0.1");
        assertThat(x.text("/domain/devices/graphics/listen/@address")).isEqualTo("127.0.0.1");
        assertThat(x.text("/domain/devices/serial/log/@file")).isEqualTo("/var/log/vp/web-1.serial.log");
        assertThat(x.text("/domain/devices/console/target/@type")).isEqualTo("serial");
    }

    @Test
    void thePlansLimitsAreInTheDefinition() {
        Xml x = xml(spec(LINUX, null), TCG);

        assertThat(x.text("/domain/cputune/shares")).isEqualTo("512");
        assertThat(x.text("/domain/cputune/period")).isEqualTo("100000");
        assertThat(x.text("/domain/cputune/quota")).isEqualTo("50000");
        assertThat(x.text("/domain/devices/disk[@device='disk']/iotune/total_iops_sec")).isEqualTo("200");
        assertThat(x.text("/domain/devices/disk[@device='disk']/iotune/total_bytes_sec")).isEqualTo("20000000");
        assertThat(x.text("/domain/devices/interface/bandwidth/inbound/@average")).isEqualTo("12500");
        assertThat(x.text("/domain/devices/interface/bandwidth/outbound/@average")).isEqualTo("12500");
    }

    @Test
    void theBlkioWeightIsWrittenOnlyWhereTheKernelHonoursIt() {
        assertThat(xml(spec(LINUX, null), TCG).count("/domain/blkiotune")).isZero();
        assertThat(xml(spec(LINUX, null), KVM).text("/domain/blkiotune/weight")).isEqualTo("300");
    }

    @Test
    void interfaceBandwidthIsLeftOutWhereTheKernelCannotShapeTraffic() {
        var noSfq = new DomainXml.Host("qemu", "q35", "", "vp-net", false, NetworkShaping.NONE);

        assertThat(xml(spec(LINUX, null), noSfq).count("/domain/devices/interface/bandwidth")).isZero();
        assertThat(xml(spec(LINUX, null), noSfq).count("/domain/metadata")).isZero();
    }

    @Test
    void whereThePanelCapsTheTapTheRateIsKeptInTheMetadataForTheNextStart() {
        var tapShaping = new DomainXml.Host("qemu", "q35", "", "vp-net", false, NetworkShaping.TAP);

        assertThat(DomainDevices.parse(text(spec(LINUX, null), tapShaping)).netCapKBps()).isEqualTo(12_500L);
        assertThat(xml(spec(LINUX, null), tapShaping).count("/domain/devices/interface/bandwidth")).isZero();
        assertThat(DomainDevices.parse(text(spec(LINUX, null), TCG)).netCapKBps()).isNull();
    }

    @Test
    void theQuotaIsSpreadOverTheVcpus() {
        var twoVcpus = new LimitSpec(1024, 200, 2, 1000, 100_000_000, 500, 125_000);
        var spec = new DomainSpec("web-2", "web-2", 2, 2048, LINUX, null, "web-2-disk.qcow2", null, "52:54:00:00:00:02", twoVcpus, null);
        Xml x = xml(spec, TCG);

        assertThat(x.text("/domain/vcpu")).isEqualTo("2");
        assertThat(x.text("/domain/cputune/quota")).isEqualTo("100000");
        assertThat(x.text("/domain/memory")).isEqualTo("2048");
        assertThat(x.text("/domain/memory/@unit")).isEqualTo("MiB");
    }

    @Test
    void theSeedIsAReadOnlyCdromAndTheDiskAQcow2InThePool() {
        Xml x = xml(spec(LINUX, null), TCG);

        assertThat(x.text("/domain/devices/disk[@device='disk']/source/@file")).isEqualTo("/pool/web-1-disk.qcow2");
        assertThat(x.text("/domain/devices/disk[@device='disk']/driver/@type")).isEqualTo("qcow2");
        assertThat(x.text("/domain/devices/disk[@device='cdrom']/source/@file")).isEqualTo("/pool/web-1-seed.iso");
        assertThat(x.text("/domain/devices/disk[@device='cdrom']/target/@bus")).isEqualTo("sata");
        assertThat(x.count("/domain/devices/disk[@device='cdrom']/readonly")).isEqualTo(1);
    }

    @Test
    void directKernelBootNamesKernelInitrdAndCommandLine() {
        Xml x = xml(spec(LINUX, new DirectBoot("/boot/vmlinuz", "/boot/initrd", "console=ttyS0 quiet")), TCG);

        assertThat(x.text("/domain/os/kernel")).isEqualTo("/boot/vmlinuz");
        assertThat(x.text("/domain/os/initrd")).isEqualTo("/boot/initrd");
        assertThat(x.text("/domain/os/cmdline")).isEqualTo("console=ttyS0 quiet");
        assertThat(x.count("/domain/os/boot")).isZero();
    }

    @Test
    void namesAndTitlesAreEscaped() {
        var spec = new DomainSpec("web-1", "Tom's <web> & \"mail\"", 1, 256, LINUX, null, "web-1-disk.qcow2", null,
                "52:54:00:00:00:01", NANO, null);
        Xml x = xml(spec, TCG);

        assertThat(x.text("/domain/title")).isEqualTo("Tom's <web> & \"mail\"");
        assertThat(x.text("/domain/devices/interface/source/@network")).isEqualTo("vp-net");
        assertThat(x.text("/domain/devices/interface/mac/@address")).isEqualTo("52:54:00:00:00:01");
    }

    @Test
    void anIsoToBootFromComesFirstAndDropsTheDirectKernelBootForThatBoot() {
        DirectBoot kernel = new DirectBoot("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0");
        Xml x = xml(spec(LINUX, kernel).withIso(new InstallMedia("/isos/library/install.iso", true)), TCG);

        assertThat(x.count("/domain/os/kernel")).isZero();
        assertThat(x.count("/domain/os/boot")).isZero();
        String iso = "/domain/devices/disk[@device='cdrom'][source/@file='/isos/library/install.iso']";
        assertThat(x.text(iso + "/boot/@order")).isEqualTo("1");
        assertThat(x.count(iso + "/readonly")).isEqualTo(1);
        assertThat(x.text(iso + "/target/@bus")).isEqualTo("sata");
        assertThat(x.text(iso + "/target/@dev")).isEqualTo("sdb"); // after the seed's sda
        assertThat(x.text("/domain/devices/disk[@device='disk']/boot/@order")).isEqualTo("2");
    }

    @Test
    void anIsoLeftInTheDriveKeepsTheUsualBootFromTheDisk() {
        DirectBoot kernel = new DirectBoot("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0");
        Xml x = xml(spec(LINUX, kernel).withIso(new InstallMedia("/isos/library/install.iso", false)), TCG);

        assertThat(x.text("/domain/os/kernel")).isEqualTo("/boot/vmlinuz");
        assertThat(x.count("//boot[@order]")).isZero();
        assertThat(x.count("/domain/devices/disk[@device='cdrom']")).isEqualTo(2);
        Xml windows = xml(spec(WINDOWS, null).withIso(new InstallMedia("/isos/w.iso", false)), TCG);
        assertThat(windows.text("/domain/os/boot/@dev")).isEqualTo("hd");
        assertThat(windows.text("/domain/devices/disk[source/@file='/isos/w.iso']/target/@dev")).isEqualTo("sdc");
    }

    static final DomainXml.Host RESERVING = new DomainXml.Host("qemu", "q35", "", "vp-net", false, NetworkShaping.LIBVIRT,
            CpuSet.parse("0,3"));

    @Test
    void aDedicatedGuestsVcpusRunOnItsOwnCoresAndItsEmulatorOnTheSharedOnesBesideTheCap() {
        DomainSpec two = new DomainSpec("web-1", "web-1.example.com", 2, 256, LINUX, null, "d.qcow2", null,
                "52:54:00:00:00:01", new LimitSpec(512, 150, 2, 200, 20_000_000, 300, 12_500), "10.122.0.7")
                .withDedicatedCores(CpuSet.parse("1-2"));
        Xml x = xml(two, RESERVING);

        assertThat(x.text("/domain/cputune/vcpupin[@vcpu='0']/@cpuset")).isEqualTo("1");
        assertThat(x.text("/domain/cputune/vcpupin[@vcpu='1']/@cpuset")).isEqualTo("2");
        assertThat(x.text("/domain/cputune/emulatorpin/@cpuset")).isEqualTo("0,3");
        // the cap stays: the core is the guest's alone, the quota says how much of it it uses
        assertThat(x.text("/domain/cputune/shares")).isEqualTo("512");
        assertThat(x.text("/domain/cputune/period")).isEqualTo("100000");
        assertThat(x.text("/domain/cputune/quota")).isEqualTo("75000");
    }

    @Test
    void aSharedGuestOnAHostWithReservedCoresRunsOnlyOnTheSharedOnes() {
        Xml x = xml(spec(LINUX, null), RESERVING);

        assertThat(x.text("/domain/cputune/vcpupin[@vcpu='0']/@cpuset")).isEqualTo("0,3");
        assertThat(x.text("/domain/cputune/emulatorpin/@cpuset")).isEqualTo("0,3");
        assertThat(x.text("/domain/cputune/quota")).isEqualTo("50000");
    }

    @Test
    void withoutReservedCoresTheXmlPinsNothing() {
        Xml x = xml(spec(LINUX, null), TCG);

        assertThat(x.count("/domain/cputune/vcpupin")).isZero();
        assertThat(x.count("/domain/cputune/emulatorpin")).isZero();
        assertThat(x.count("/domain/cputune/*")).isEqualTo(3);
    }

    @Test
    void aDedicatedGuestNeedsOneCorePerVcpu() {
        DomainSpec wrong = spec(LINUX, null).withDedicatedCores(CpuSet.parse("1-2"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> text(wrong, RESERVING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 vCPUs but dedicated cores 1-2");
    }

    static DomainSpec spec(GuestOs os, DirectBoot boot) {
        return new DomainSpec("web-1", "web-1.example.com", 1, 256, os, boot, "web-1-disk.qcow2", "web-1-seed.iso",
                "52:54:00:00:00:01", NANO, "10.122.0.7");
    }

    static Xml xml(DomainSpec spec, DomainXml.Host host) {
        return new Xml(text(spec, host));
    }

    static String text(DomainSpec spec, DomainXml.Host host) {
        return DomainXml.of(spec, host, Path.of("/pool").resolve(spec.diskVolume()),
                spec.seedVolume() == null ? null : Path.of("/pool").resolve(spec.seedVolume()),
                Path.of("/var/log/vp/" + spec.name() + ".serial.log"));
    }

    /** The XML parsed, with XPath lookups. */
    record Xml(Document doc, XPath xpath) {

        Xml(String text) {
            this(parse(text), XPathFactory.newInstance().newXPath());
        }

        String text(String path) {
            try {
                return xpath.evaluate(path, doc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        int count(String path) {
            try {
                return ((NodeList) xpath.evaluate(path, doc, XPathConstants.NODESET)).getLength();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static Document parse(String text) {
            try {
                return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException("not well-formed XML:\n" + text, e);
            }
        }
    }
}
