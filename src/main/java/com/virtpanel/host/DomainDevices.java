package com.virtpanel.host;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The disks and network interfaces named in a domain's XML: what live limits and usage
 * sampling address (disk targets, interface MACs and their host-side tap names), and the
 * network cap kept in its metadata ({@link NetworkCap}; null when there is none).
 */
record DomainDevices(List<Disk> disks, List<Nic> nics, Long netCapKBps) {

    /** @param device "disk" or "cdrom" */
    record Disk(String target, String device) {

        boolean isDisk() {
            return "disk".equals(device);
        }
    }

    /** @param target the host-side device (vnetN) while the guest runs, else null */
    record Nic(String mac, String target) {
    }

    List<String> diskTargets() {
        return disks.stream().filter(Disk::isDisk).map(Disk::target).toList();
    }

    List<String> allBlockTargets() {
        return disks.stream().map(Disk::target).toList();
    }

    List<String> taps() {
        return nics.stream().map(Nic::target).filter(t -> t != null && !t.isEmpty()).toList();
    }

    static DomainDevices parse(String xml) {
        try {
            var doc = LibvirtXml.parse(xml);
            var disks = new ArrayList<Disk>();
            NodeList diskNodes = doc.getElementsByTagName("disk");
            for (int i = 0; i < diskNodes.getLength(); i++) {
                var disk = (Element) diskNodes.item(i);
                String target = childAttribute(disk, "target", "dev");
                if (target != null) {
                    disks.add(new Disk(target, disk.getAttribute("device").isEmpty() ? "disk" : disk.getAttribute("device")));
                }
            }
            var nics = new ArrayList<Nic>();
            NodeList nicNodes = doc.getElementsByTagName("interface");
            for (int i = 0; i < nicNodes.getLength(); i++) {
                var nic = (Element) nicNodes.item(i);
                nics.add(new Nic(childAttribute(nic, "mac", "address"), childAttribute(nic, "target", "dev")));
            }
            NodeList caps = doc.getElementsByTagNameNS(NetworkCap.NAMESPACE, NetworkCap.ELEMENT);
            Long cap = caps.getLength() == 0 ? null : Long.valueOf(((Element) caps.item(0)).getAttribute("kbps"));
            return new DomainDevices(List.copyOf(disks), List.copyOf(nics), cap);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable domain XML", e);
        }
    }

    private static String childAttribute(Element parent, String child, String attribute) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(child)) {
                String value = e.getAttribute(attribute);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
