package com.virtpanel.host;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.libvirt.*, panel.storage.*, panel.network.*: how the panel reaches its host.
 *
 * @param libvirt  connection URI, virtualization type (auto | kvm | qemu), call timeout, keepalive, how
 *                 often the connection is probed when idle, and how often usage sampling asks QEMU
 *                 for its exact disk counters (everything else is read from the kernel each pass), and where
 *                 libvirtd writes its guests' pid files (the kernel's files of a guest are found from its pid)
 * @param storage  the directory holding the storage pool, templates and logs
 * @param network  the libvirt NAT network guests join, its IPv4 range, the IPv6 /48 each server's
 *                 /64 is cut from, and how long a deleted server's addresses rest before reuse
 */
@ConfigurationProperties("panel")
public record HostProperties(@DefaultValue Libvirt libvirt, @DefaultValue Storage storage, @DefaultValue Network network) {

    public record Libvirt(@DefaultValue("qemu:///system") String uri,
                          @DefaultValue("auto") String virtType,
                          @DefaultValue("15s") Duration callTimeout,
                          @DefaultValue("5") int keepaliveInterval,
                          @DefaultValue("3") int keepaliveCount,
                          @DefaultValue("") String cpuModel,
                          @DefaultValue("q35") String machine,
                          @DefaultValue("10s") Duration probeInterval,
                          @DefaultValue("60s") Duration qemuStatsInterval,
                          @DefaultValue("/run/libvirt/qemu") Path runDir) {
    }

    public record Storage(@DefaultValue("/var/lib/virtpanel") Path dir, @DefaultValue("virtpanel") String pool) {

        public Path poolDir() {
            return dir.resolve("pool");
        }

        public Path bootDir() {
            return dir.resolve("boot");
        }

        public Path logDir() {
            return dir.resolve("logs");
        }
    }

    public record Network(@DefaultValue("virtpanel") String name,
                          @DefaultValue("vpbr0") String bridge,
                          @DefaultValue("10.122.0.0/24") String cidr,
                          @DefaultValue("") String ipv6Prefix,
                          @DefaultValue("1h") Duration releaseCooldown) {

        /** The IPv6 /48 servers' /64s are cut from (configured, or derived from {@code cidr}). */
        public Ipv6Plan ipv6() {
            return Ipv6Plan.of(ipv6Prefix, cidr);
        }
    }
}
