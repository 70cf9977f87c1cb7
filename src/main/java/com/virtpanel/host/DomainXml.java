package com.virtpanel.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes libvirt domain XML for a {@link DomainSpec}. Device models follow the guest OS;
 * limits go in at definition time so a guest never runs a second without them.
 */
final class DomainXml {

    /**
     * Host facts the XML depends on.
     *
     * @param sharedCores the cores not reserved for dedicated vCPUs, or null when the host reserves none
     */
    record Host(String virtType, String machine, String cpuModel, String network, boolean blkioWeight, NetworkShaping netShaping,
            CpuSet sharedCores) {

        Host(String virtType, String machine, String cpuModel, String network, boolean blkioWeight, NetworkShaping netShaping) {
            this(virtType, machine, cpuModel, network, blkioWeight, netShaping, null);
        }
    }

    private DomainXml() {
    }

    /**
     * A rescue boot: the rescue system's kernel instead of the server's, its seed as the first
     * (virtio, read-only) disk and the server's disk as the second; a reboot stops the guest, so
     * the panel can end rescue mode.
     */
    record Rescue(DirectBoot boot, Path seed) {
    }

    /**
     * The guest's host-side tap, named after the guest rather than left to libvirt's vnetN: each
     * libvirtd counts vnetN on its own, so two daemons on one machine (a second host in tests,
     * or the shared one while a private one runs) could pick the same name at once. "vnet" and
     * "vif" are libvirt's own prefixes, and a name holds at most 15 characters.
     */
    static String tapName(String domainName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(domainName.getBytes(StandardCharsets.UTF_8));
            return "vpt" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static String of(DomainSpec spec, Host host, Path disk, Path seed, Path serialLog) {
        return of(spec, host, disk, seed, serialLog, null);
    }

    static String of(DomainSpec spec, Host host, Path disk, Path seed, Path serialLog, Rescue rescue) {
        GuestOs os = spec.os();
        // the rescue system speaks virtio, whatever the server's own OS does
        boolean virtio = rescue != null || os.usesVirtio();
        boolean windows = os.family() == GuestOs.Family.WINDOWS;
        LimitSpec limits = spec.limits();
        // the rescue system boots its own kernel; an attached ISO waits until rescue mode ends
        boolean isoFirst = rescue == null && spec.iso() != null && spec.iso().bootFirst();
        var x = new StringBuilder(4096);
        x.append("<domain type='").append(host.virtType()).append("'>\n");
        x.append("  <name>").append(esc(spec.name())).append("</name>\n");
        x.append("  <title>").append(esc(spec.title())).append("</title>\n");
        x.append("  <description>Managed by Virtpanel. Changes made here are reverted by the panel.</description>\n");
        if (host.netShaping() == NetworkShaping.TAP) {
            x.append("  <metadata>\n    ").append(NetworkCap.metadata(limits.netKBps(), true)).append("\n  </metadata>\n");
        }
        x.append("  <memory unit='MiB'>").append(spec.memoryMib()).append("</memory>\n");
        x.append("  <currentMemory unit='MiB'>").append(spec.memoryMib()).append("</currentMemory>\n");
        x.append("  <vcpu placement='static'>").append(spec.vcpus()).append("</vcpu>\n");
        x.append("  <cputune>\n");
        x.append("    <shares>").append(limits.cpuShares()).append("</shares>\n");
        x.append("    <period>").append(LimitSpec.CPU_PERIOD_US).append("</period>\n");
        x.append("    <quota>").append(limits.cpuQuotaUsPerVcpu()).append("</quota>\n");
        x.append(pinning(spec, host));
        x.append("  </cputune>\n");
        if (host.blkioWeight()) {
            x.append("  <blkiotune><weight>").append(limits.blkioWeight()).append("</weight></blkiotune>\n");
        }
        x.append(os(host, rescue == null ? spec.boot() : rescue.boot(), rescue == null && spec.os().uefi(), isoFirst));
        x.append("  <features><acpi/><apic/>");
        if (windows) {
            x.append("<hyperv mode='custom'><relaxed state='on'/><vapic state='on'/><spinlocks state='on' retries='8191'/></hyperv>");
        }
        x.append("</features>\n");
        x.append(cpu(host));
        x.append("  <clock offset='").append(windows ? "localtime" : "utc").append("'/>\n");
        x.append("  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>")
                .append(rescue == null ? "restart" : "destroy").append("</on_reboot>\n  <on_crash>destroy</on_crash>\n");
        x.append("  <devices>\n");
        if (rescue != null) {
            x.append("    <disk type='file' device='disk'>\n");
            x.append("      <driver name='qemu' type='raw'/>\n");
            x.append("      <source file='").append(esc(rescue.seed().toString())).append("'/>\n");
            x.append("      <target dev='vda' bus='virtio'/>\n");
            x.append("      <readonly/>\n");
            x.append("    </disk>\n");
        }
        x.append("    <disk type='file' device='disk'>\n");
        x.append("      <driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap'/>\n");
        x.append("      <source file='").append(esc(disk.toString())).append("'/>\n");
        x.append("      <target dev='").append(rescue != null ? "vdb' bus='virtio'" : virtio ? "vda' bus='virtio'" : "sda' bus='sata'")
                .append("/>\n");
        if (isoFirst) {
            x.append("      <boot order='2'/>\n");
        }
        x.append("      <iotune>\n");
        x.append("        <total_iops_sec>").append(limits.diskIops()).append("</total_iops_sec>\n");
        x.append("        <total_bytes_sec>").append(limits.diskBytesPerSec()).append("</total_bytes_sec>\n");
        x.append("      </iotune>\n");
        x.append("    </disk>\n");
        if (seed != null && rescue == null) {
            x.append("    <disk type='file' device='cdrom'>\n");
            x.append("      <driver name='qemu' type='raw'/>\n");
            x.append("      <source file='").append(esc(seed.toString())).append("'/>\n");
            x.append("      <target dev='").append(virtio ? "sda" : "sdb").append("' bus='sata'/>\n");
            x.append("      <readonly/>\n");
            x.append("    </disk>\n");
        }
        if (spec.iso() != null && rescue == null) {
            x.append(isoCdrom(spec.iso(), virtio));
        }
        x.append("    <interface type='network'>\n");
        x.append("      <source network='").append(esc(host.network())).append("'/>\n");
        x.append("      <mac address='").append(esc(spec.mac())).append("'/>\n");
        x.append("      <model type='").append(virtio ? "virtio" : "e1000e").append("'/>\n");
        x.append("      <target dev='").append(tapName(spec.name())).append("'/>\n");
        if (host.netShaping() == NetworkShaping.LIBVIRT) {
            x.append("      <bandwidth>\n");
            x.append("        <inbound average='").append(limits.netKBps()).append("'/>\n");
            x.append("        <outbound average='").append(limits.netKBps()).append("'/>\n");
            x.append("      </bandwidth>\n");
        }
        if (spec.ipv4() != null) {
            x.append(GuestFilter.reference(spec.ipv4(), spec.ipv6Net(), spec.mac()));
        }
        x.append("    </interface>\n");
        x.append("    <serial type='pty'>\n");
        x.append("      <log file='").append(esc(serialLog.toString())).append("' append='off'/>\n");
        x.append("      <target port='0'/>\n");
        x.append("    </serial>\n");
        x.append("    <console type='pty'><target type='serial' port='0'/></console>\n");
        if (virtio) {
            // The guest agent's port: with an agent in the guest (Debian's image has one), backups
            // freeze its filesystems for the moment they start. Without one, nothing answers on it.
            x.append("    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\n");
        }
        x.append("    <input type='tablet' bus='usb'/>\n");
        x.append("    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>\n");
        x.append("      <listen type='address' address='127.0.0.1'/>\n");
        x.append("    </graphics>\n");
        x.append("    <video><model type='vga'/></video>\n");
        if (virtio) {
            x.append("    <memballoon model='virtio'/>\n");
            x.append("    <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>\n");
        } else {
            // libvirt adds a virtio balloon by default: a guest without virtio drivers gets none
            x.append("    <memballoon model='none'/>\n");
        }
        x.append("  </devices>\n");
        x.append("</domain>\n");
        return x.toString();
    }

    /**
     * Where the vCPUs and QEMU's own threads may run, next to the CFS cap (which still applies: a
     * dedicated core is the guest's alone, the cap limits how much of it the guest uses). Only when
     * the host reserves cores: a dedicated guest's vCPU n on its n-th reserved core, a shared
     * guest's vCPUs on the shared cores, every emulator on the shared cores, so nothing else ever
     * runs on a reserved core. Without a reservation the XML stays as it always was.
     */
    static String pinning(DomainSpec spec, Host host) {
        return pinning(spec.name(), spec.vcpus(), spec.dedicatedCores(), host.sharedCores());
    }

    /** The same for a guest of {@code vcpus} holding {@code dedicated} cores on a host whose shared cores are {@code shared}. */
    static String pinning(String name, int vcpus, CpuSet dedicated, CpuSet shared) {
        var x = new StringBuilder();
        boolean isDedicated = dedicated != null && !dedicated.isEmpty();
        if (isDedicated && dedicated.size() != vcpus) {
            throw new IllegalArgumentException(name + ": " + vcpus + " vCPUs but dedicated cores " + dedicated);
        }
        if (!isDedicated && shared == null) {
            return "";
        }
        for (int vcpu = 0; vcpu < vcpus; vcpu++) {
            String cpuset = isDedicated ? String.valueOf(dedicated.cpus().get(vcpu)) : shared.toString();
            x.append("    <vcpupin vcpu='").append(vcpu).append("' cpuset='").append(cpuset).append("'/>\n");
        }
        if (shared != null) {
            x.append("    <emulatorpin cpuset='").append(shared).append("'/>\n");
        }
        return x.toString();
    }

    /**
     * @param uefi     boot with UEFI firmware (the rescue kernel boots without: it is loaded directly)
     * @param isoFirst boot from the attached ISO (per-device boot order) rather than from {@code boot}
     */
    private static String os(Host host, DirectBoot boot, boolean uefi, boolean isoFirst) {
        var x = new StringBuilder();
        x.append(uefi ? "  <os firmware='efi'>\n" : "  <os>\n");
        x.append("    <type arch='x86_64' machine='").append(esc(host.machine())).append("'>hvm</type>\n");
        if (isoFirst) {
            // per-device boot order (on the CD-ROM and the disk) instead: libvirt takes one or the other
            boot = null;
        } else if (boot != null) {
            x.append("    <kernel>").append(esc(boot.kernelPath())).append("</kernel>\n");
            if (boot.initrdPath() != null) {
                x.append("    <initrd>").append(esc(boot.initrdPath())).append("</initrd>\n");
            }
            if (boot.cmdline() != null) {
                x.append("    <cmdline>").append(esc(boot.cmdline())).append("</cmdline>\n");
            }
        }
        if (boot == null && !isoFirst) {
            x.append("    <boot dev='hd'/>\n");
        }
        x.append("  </os>\n");
        return x.toString();
    }

    /** The ISO's CD-ROM: after the seed's on the SATA bus, read-only, first to boot when asked. */
    static String isoCdrom(InstallMedia iso, boolean virtio) {
        var x = new StringBuilder();
        x.append("    <disk type='file' device='cdrom'>\n");
        x.append("      <driver name='qemu' type='raw'/>\n");
        if (iso.isoPath() != null) {
            x.append("      <source file='").append(esc(iso.isoPath())).append("'/>\n");
        }
        x.append("      <target dev='").append(isoTarget(virtio)).append("' bus='sata'/>\n");
        x.append("      <readonly/>\n");
        if (iso.bootFirst()) {
            x.append("      <boot order='1'/>\n");
        }
        x.append("      <alias name='").append(InstallMedia.ALIAS).append("'/>\n");
        x.append("    </disk>\n");
        return x.toString();
    }

    static String isoTarget(boolean virtio) {
        return virtio ? "sdb" : "sdc";
    }

    /**
     * No host-passthrough: it ties a guest to one CPU generation and fails under nested
     * virtualization. KVM gets host-model (or the configured model); TCG its default.
     */
    private static String cpu(Host host) {
        if (host.cpuModel() != null && !host.cpuModel().isBlank()) {
            return "  <cpu mode='custom' match='exact' check='none'><model fallback='allow'>"
                    + esc(host.cpuModel()) + "</model></cpu>\n";
        }
        return host.virtType().equals("kvm") ? "  <cpu mode='host-model' check='none'/>\n" : "";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
