package com.virtpanel.host;

import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo guests defined straight through the host module (no server, no database), named with
 * this test JVM's prefix "vp-{id}-" ({@link TestHost}) so that cleanup never touches anyone else's guests.
 */
final class DemoGuests {

    static final String TEST_ID = TestHost.ID;
    static final String PREFIX = "vp-" + TEST_ID + "-";
    static final LimitSpec NANO = new LimitSpec(512, 50, 1, 200, 20_000_000, 300, LimitSpec.mbitToKBps(100));

    private final Volumes volumes;
    private final Domains domains;
    private final HostProperties properties;
    private final List<String> created = new ArrayList<>();
    private Template template;

    DemoGuests(Volumes volumes, Domains domains, HostProperties properties) {
        this.volumes = volumes;
        this.domains = domains;
        this.properties = properties;
    }

    /** Defines (does not start) a demo guest "vp-{id}-{suffix}" with a disk overlay and a seed; returns its domain name. */
    String define(String suffix, int index, int memoryMib, LimitSpec limits) {
        return define(suffix, index, memoryMib, limits, List.of());
    }

    /** Like {@link #define(String, int, int, LimitSpec)}, with commands cloud-init runs (in the background) once it is up. */
    String define(String suffix, int index, int memoryMib, LimitSpec limits, List<String> runcmd) {
        return define(suffix, index, memoryMib, limits, runcmd, false);
    }

    /** Like the others; {@code filtered} puts the guest under the panel's anti-spoofing filter, as servers are. */
    String define(String suffix, int index, int memoryMib, LimitSpec limits, List<String> runcmd, boolean filtered) {
        String name = PREFIX + suffix;
        String disk = name + "-disk.qcow2";
        String seed = name + "-seed.iso";
        String mac = mac(index);
        AddressPlan plan = AddressPlan.of(properties.network().cidr());
        String ip = address(index);
        volumes.createDisk(disk, template(), 1);
        volumes.writeSeed(seed, new CloudInitSeed("i-" + name, suffix, List.of(), null,
                new GuestNetwork(mac, ip + "/" + plan.prefix(), plan.gateway(), plan.dns()), runcmd));
        domains.define(new DomainSpec(name, suffix, 1, memoryMib, new GuestOs(GuestOs.Family.LINUX, true, false),
                template().boot(), disk, seed, mac, limits, filtered ? ip : null));
        created.add(name);
        return name;
    }

    /** A filtered guest that also has IPv6: its own /64 number {@code net} of the network's prefix, address ::1. */
    String defineWithIpv6(String suffix, int index, int net, List<String> runcmd) {
        String name = PREFIX + suffix;
        String disk = name + "-disk.qcow2";
        String seed = name + "-seed.iso";
        String mac = mac(index);
        AddressPlan plan = AddressPlan.of(properties.network().cidr());
        Ipv6Plan plan6 = properties.network().ipv6();
        String ip = address(index);
        volumes.createDisk(disk, template(), 1);
        volumes.writeSeed(seed, new CloudInitSeed("i-" + name, suffix, List.of(), null,
                new GuestNetwork(mac, ip + "/" + plan.prefix(), plan.gateway(), plan.dns(), plan6.address(net) + "/64",
                        plan6.gateway()), runcmd));
        domains.define(new DomainSpec(name, suffix, 1, 128, new GuestOs(GuestOs.Family.LINUX, true, false),
                template().boot(), disk, seed, mac, NANO, ip, null, plan6.network(net)));
        created.add(name);
        return name;
    }

    /** The MAC address guest number {@code index} gets. */
    String mac(int index) {
        return String.format("52:54:00:%02x:%02x:%02x", TEST_ID.hashCode() & 0x7f, (index >> 8) & 0xff, index & 0xff);
    }

    /** The IPv4 address guest number {@code index} gets (high in the test network's range, away from servers'). */
    String address(int index) {
        AddressPlan plan = AddressPlan.of(properties.network().cidr());
        return AddressPlan.toString(plan.firstHost() + 100 + index);
    }

    Template template() {
        if (template == null) {
            DemoImage.require();
            try {
                String cmdline = Files.readString(DemoImage.dir().resolve("demo.cmdline")).trim();
                // Under TCG on a busy machine the kernel's IO-APIC timer check can time out and
                // panic ("IO-APIC + timer doesn't work!"); the check proves nothing in a VM.
                if (!cmdline.contains("no_timer_check")) {
                    cmdline += " no_timer_check";
                }
                template = volumes.ensureTemplate(new TemplateSource("demo", DemoImage.dir().resolve("demo.qcow2").toString(),
                        DemoImage.dir().resolve("demo-vmlinuz").toString(), DemoImage.dir().resolve("demo-initrd.img").toString(),
                        cmdline));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    /** Destroys and undefines a guest and deletes its volumes. */
    void remove(String name) {
        domains.destroyAndUndefine(name);
        volumes.list(name + "-").forEach(volumes::delete);
    }

    /** Removes every guest and volume with this checkout's prefix, whoever created them (a crashed run, too). */
    void removeAll() {
        for (String name : domains.names()) {
            if (name.startsWith(PREFIX)) {
                try {
                    domains.destroyAndUndefine(name);
                } catch (RuntimeException e) {
                    System.err.println("cleanup of " + name + " failed: " + e);
                }
            }
        }
        volumes.list(PREFIX).forEach(volumes::delete);
        created.clear();
    }
}
