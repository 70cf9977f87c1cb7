package com.virtpanel.host;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.Domain;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.springframework.stereotype.Service;

/**
 * Where a running guest's vCPUs and emulator threads may run, read back and put right. The
 * definition pins them ({@link DomainXml#pinning}); {@code virsh vcpupin} or {@code emulatorpin}
 * can move them live behind the panel's back, so the reconciler compares the live definition
 * with what the panel's data says and pins again where they differ.
 */
@Service
public class GuestPinning {

    /** One pin that was not what it should be, and was set back. {@code before} is "all" when nothing pinned it. */
    public record Repair(String what, String before, String after) {
    }

    private final LibvirtConnection libvirt;
    private final HostSetup setup;

    GuestPinning(LibvirtConnection libvirt, HostSetup setup) {
        this.libvirt = libvirt;
        this.setup = setup;
    }

    /** The cores this host reserves for dedicated vCPUs (panel.host.dedicated-cores); empty when none. */
    public CpuSet reservedCores() {
        return setup.dedicatedCores();
    }

    /**
     * Compares the running guest's pinning with what it should be ({@code dedicated}: its own
     * cores, null or empty: shared) and re-pins (live) what differs. Nothing to do on a host
     * without reserved cores and for a shared guest: the kernel places those freely.
     */
    public List<Repair> repair(String domain, CpuSet dedicated) {
        DomainXml.Host host = setup.ready();
        boolean isDedicated = dedicated != null && !dedicated.isEmpty();
        if (!isDedicated && host.sharedCores() == null) {
            return List.of();
        }
        return libvirt.call("repair server CPU pinning", c -> {
            Domain d = c.domainLookupByName(domain);
            String xml;
            try {
                xml = d.getXMLDesc(0);
            } finally {
                d.free();
            }
            Live live = Live.parse(xml);
            var repairs = new ArrayList<Repair>();
            for (int vcpu = 0; vcpu < live.vcpus(); vcpu++) {
                CpuSet want = isDedicated ? CpuSet.of(List.of(dedicated.cpus().get(vcpu % dedicated.size()))) : host.sharedCores();
                String is = live.vcpuPins().size() > vcpu ? live.vcpuPins().get(vcpu) : null;
                if (is == null || !CpuSet.parse(is).equals(want)) {
                    LibvirtNative.pinVcpu(c, domain, vcpu, want, LibvirtNative.AFFECT_LIVE);
                    repairs.add(new Repair("vcpu" + vcpu + " pinning", is == null ? "all" : is, want.toString()));
                }
            }
            if (host.sharedCores() != null
                    && (live.emulatorPin() == null || !CpuSet.parse(live.emulatorPin()).equals(host.sharedCores()))) {
                LibvirtNative.pinEmulator(c, domain, host.sharedCores(), LibvirtNative.AFFECT_LIVE);
                repairs.add(new Repair("emulator pinning", live.emulatorPin() == null ? "all" : live.emulatorPin(),
                        host.sharedCores().toString()));
            }
            return repairs;
        });
    }

    /** The pins in a live domain XML: per vCPU its cpuset (null when unpinned) and the emulator's. */
    record Live(int vcpus, List<String> vcpuPins, String emulatorPin) {

        static Live parse(String xml) {
            try {
                var doc = LibvirtXml.parse(xml);
                NodeList vcpuNodes = doc.getElementsByTagName("vcpu");
                int vcpus = 0;
                for (int i = 0; i < vcpuNodes.getLength(); i++) {
                    // the top-level <vcpu> count, not <vcpus><vcpu id=...> entries
                    if (vcpuNodes.item(i).getParentNode() == doc.getDocumentElement()) {
                        vcpus = Integer.parseInt(vcpuNodes.item(i).getTextContent().trim());
                    }
                }
                var pins = new ArrayList<String>();
                for (int i = 0; i < vcpus; i++) {
                    pins.add(null);
                }
                NodeList vcpupins = doc.getElementsByTagName("vcpupin");
                for (int i = 0; i < vcpupins.getLength(); i++) {
                    var pin = (Element) vcpupins.item(i);
                    int vcpu = Integer.parseInt(pin.getAttribute("vcpu"));
                    if (vcpu < vcpus) {
                        pins.set(vcpu, pin.getAttribute("cpuset"));
                    }
                }
                NodeList emulator = doc.getElementsByTagName("emulatorpin");
                String emulatorPin = emulator.getLength() == 0 ? null : ((Element) emulator.item(0)).getAttribute("cpuset");
                return new Live(vcpus, pins, emulatorPin);
            } catch (Exception e) {
                throw new IllegalArgumentException("unreadable domain XML", e);
            }
        }
    }
}
