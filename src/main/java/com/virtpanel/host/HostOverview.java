package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.Bytes;
import org.libvirt.NodeInfo;
import org.springframework.stereotype.Service;

/** The host as a whole: identity, versions and capacity. */
@Service
public class HostOverview {

    private final LibvirtConnection libvirt;
    private final HostSetup setup;
    private final Volumes volumes;

    HostOverview(LibvirtConnection libvirt, HostSetup setup, Volumes volumes) {
        this.libvirt = libvirt;
        this.setup = setup;
        this.volumes = volumes;
    }

    public HostInfo info() {
        String virtType = setup.ready().virtType();
        return libvirt.call("read host information", c -> {
            NodeInfo node = c.nodeInfo();
            return new HostInfo(libvirt.uri(), c.getHostName(), c.getType(), version(c.getVersion()),
                    version(c.getLibVirVersion()), virtType, node.cpus, node.memory / 1024);
        });
    }

    public HostCapacity capacity() {
        StorageCapacity storage = volumes.capacity();
        return libvirt.call("read host capacity", c -> {
            NodeInfo node = c.nodeInfo();
            long free = c.getFreeMemory() / Bytes.MIB;
            return new HostCapacity(node.cpus, node.memory / 1024, free, storage, c.numOfDomains(),
                    c.numOfDomains() + c.numOfDefinedDomains());
        });
    }

    /** Whether guests' network rates are capped on this host, by libvirt or by the panel itself. */
    public boolean shapesNetwork() {
        return NetworkShaping.detect() != NetworkShaping.NONE;
    }

    /** Which plan limits this host's kernel can enforce, and how; a missing one is said on the host page. */
        public UserMessage enforceableLimits() {
        return switch (NetworkShaping.detect()) {
            case LIBVIRT -> UserMessage.of("host.limits.libvirt");
            case TAP -> UserMessage.of("host.limits.tap");
            case NONE -> UserMessage.of("host.limits.none");
        };
    }

    /**
     * False when the last call or the periodic probe (every panel.libvirt.probe-interval) could
     * not reach libvirtd; true before the first probe, so a panel that just started shows no alarm.
     */
    public boolean reachable() {
        return libvirt.health().up();
    }

    /** Why the host is unreachable, for staff; empty when it is fine. */
    public String problem() {
        var health = libvirt.health();
        return health.up() ? "" : health.detail();
    }

    static String version(long v) {
        return (v / 1_000_000) + "." + (v / 1000 % 1000) + "." + (v % 1000);
    }
}
