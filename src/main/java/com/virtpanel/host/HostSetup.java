package com.virtpanel.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure the host has what the panel relies on: the storage pool, the guest network,
 * the log and boot directories, and knows which virtualization type to use. Idempotent and
 * lazy, so a panel started while libvirtd is down sets the host up on the first call after.
 */
@Component
class HostSetup {

    private static final Logger log = LoggerFactory.getLogger(HostSetup.class);

    private final LibvirtConnection libvirt;
    private final HostProperties properties;
    private final CpuSet dedicatedCores;
    private volatile DomainXml.Host host;

    HostSetup(LibvirtConnection libvirt, HostProperties properties) {
        this(libvirt, properties, new CoreProperties(""));
    }

    @org.springframework.beans.factory.annotation.Autowired
    HostSetup(LibvirtConnection libvirt, HostProperties properties, CoreProperties cores) {
        this.libvirt = libvirt;
        this.properties = properties;
        this.dedicatedCores = cores.dedicated(); // a malformed setting fails the start, not a guest's definition
        libvirt.onOpen(connection -> host = null);
    }

    /** Host facts for domain XML; sets the host up first when needed. */
    DomainXml.Host ready() {
        DomainXml.Host known = host;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (host == null) {
                createDirectories();
                String[] facts = libvirt.call("set up the host", c -> {
                    ensurePool(c);
                    ensureNetwork(c);
                    GuestFilter.ensure(c);
                    return new String[] {virtType(c.getCapabilities()), String.valueOf(c.nodeInfo().cpus)};
                });
                String virtType = facts[0];
                CpuSet shared = CpuSet.sharedCores(dedicatedCores, Integer.parseInt(facts[1]));
                host = new DomainXml.Host(virtType, properties.libvirt().machine(), properties.libvirt().cpuModel(),
                        properties.network().name(), CgroupFiles.blkioWeightSupported(),
                        NetworkShaping.detect(), shared);
                log.info("Host ready: virtualization type {}, machine {}, pool {}, network {}, blkio weight {}, "
                        + "network caps by {}, dedicated cores {}, shared cores {}", virtType, properties.libvirt().machine(),
                        properties.storage().pool(), properties.network().name(), host.blkioWeight(), host.netShaping(),
                        dedicatedCores.isEmpty() ? "none" : dedicatedCores, shared == null ? "all" : shared);
            }
            return host;
        }
    }

    /** The reserved cores (panel.host.dedicated-cores); empty when none. */
    CpuSet dedicatedCores() {
        return dedicatedCores;
    }

    String virtType(String capabilities) {
        String configured = properties.libvirt().virtType();
        if (!"auto".equals(configured)) {
            return configured;
        }
        boolean kvm = capabilities.contains("<domain type='kvm'") && Files.exists(Path.of("/dev/kvm"));
        return kvm ? "kvm" : "qemu";
    }

    private void createDirectories() {
        var storage = properties.storage();
        for (Path dir : List.of(storage.poolDir(), storage.bootDir(), storage.logDir())) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir + " (is panel.storage.dir writable?)", e);
            }
        }
    }

    private void ensurePool(NativeConnect c) throws LibvirtException {
        String name = properties.storage().pool();
        StoragePool pool;
        try {
            pool = c.storagePoolLookupByName(name);
        } catch (LibvirtException missing) {
            log.info("Defining storage pool {} at {}", name, properties.storage().poolDir());
            pool = c.storagePoolDefineXML("<pool type='dir'><name>" + DomainXml.esc(name) + "</name><target><path>"
                    + DomainXml.esc(properties.storage().poolDir().toString()) + "</path></target></pool>", 0);
            pool.setAutostart(1);
        }
        String xml = pool.getXMLDesc(0);
        String expected = "<path>" + properties.storage().poolDir() + "</path>";
        if (!xml.contains(expected)) {
            pool.free();
            throw new IllegalStateException("libvirt storage pool '" + name + "' does not point to "
                    + properties.storage().poolDir() + " (panel.storage.dir + /pool). Use another pool name "
                    + "(panel.storage.pool) or the pool's directory as panel.storage.dir.");
        }
        if (pool.isActive() == 0) {
            pool.create(0);
        }
        pool.free();
    }

    private void ensureNetwork(NativeConnect c) throws LibvirtException {
        var settings = properties.network();
        Network network;
        try {
            network = c.networkLookupByName(settings.name());
        } catch (LibvirtException missing) {
            AddressPlan plan = AddressPlan.of(settings.cidr());
            log.info("Defining network {} ({} and {} on bridge {})", settings.name(), settings.cidr(),
                    settings.ipv6().prefix48(), settings.bridge());
            // NAT, and no DHCP: the panel assigns addresses and hands them to guests in the seed.
            network = c.networkDefineXML("<network><name>" + DomainXml.esc(settings.name()) + "</name>"
                    + "<forward mode='nat'/><bridge name='" + DomainXml.esc(settings.bridge()) + "' stp='on' delay='0'/>"
                    + "<ip address='" + plan.gateway() + "' netmask='" + plan.netmask() + "'/>"
                    + ipv6Link(settings.ipv6()) + "</network>");
            network.setAutostart(true);
        }
        network = withIpv6(c, network, settings.ipv6());
        if (network.isActive() == 0) {
            network.create();
        }
        network.free();
    }

    /**
     * The host's address on the link /64 (subnet 0 of the prefix): the guests' IPv6 gateway.
     * libvirt then keeps IPv6 on the bridge and turns on IPv6 forwarding; each server's own /64
     * is routed to it by {@link Ipv6Routes}.
     */
    static String ipv6Link(Ipv6Plan plan) {
        return "<ip family='ipv6' address='" + plan.gateway() + "' prefix='64'/>";
    }

    /**
     * A network defined before the panel handed out IPv6 gains its link address. libvirt applies
     * a changed definition only at the network's next start, and restarting it cuts every
     * running guest off the bridge: done only while no guest is on it, else left to the operator.
     */
    private Network withIpv6(NativeConnect c, Network network, Ipv6Plan plan) throws LibvirtException {
        String xml = network.getXMLDesc(0);
        if (xml.contains("family='ipv6'") || xml.contains("family=\"ipv6\"")) {
            return network;
        }
        Network updated = c.networkDefineXML(xml.replace("</network>", ipv6Link(plan) + "</network>"));
        network.free();
        if (updated.isActive() == 1) {
            if (guestsOn(c, properties.network().name())) {
                log.warn("Network {} gains IPv6 ({}) at its next start: guests are running on it now "
                        + "(virsh net-destroy / net-start {} when they may lose their network for a moment)",
                        properties.network().name(), plan.prefix48(), properties.network().name());
                return updated;
            }
            log.info("Restarting the idle network {} to give it IPv6 ({})", properties.network().name(), plan.prefix48());
            updated.destroy();
        }
        return updated;
    }

    private static boolean guestsOn(NativeConnect c, String network) throws LibvirtException {
        for (int id : c.listDomains()) {
            if (id <= 0) {
                continue; // libvirt-java pads the list with 0
            }
            org.libvirt.Domain domain;
            try {
                domain = c.domainLookupByID(id);
            } catch (LibvirtException stopped) {
                continue;
            }
            try {
                if (domain.getXMLDesc(0).contains("<source network='" + network + "'")) {
                    return true;
                }
            } finally {
                domain.free();
            }
        }
        return false;
    }
}
