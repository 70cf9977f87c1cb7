package com.virtpanel.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.springframework.stereotype.Service;

/**
 * Applies limits to a guest without a reboot (live and in its persistent definition) and
 * reads back what the kernel enforces. CPU: scheduler parameters (cgroup cpu.shares/weight
 * and per-vCPU CFS quota); disk: QEMU's block I/O throttle per disk, and the blkio weight where
 * the kernel honours one; network: the interface's bandwidth (tc on the tap), where the
 * kernel has the queueing disciplines libvirt needs (see {@link KernelFeatures}).
 */
@Service
public class GuestLimits {

    private final LibvirtConnection libvirt;
    private final HostSetup setup;

    GuestLimits(LibvirtConnection libvirt, HostSetup setup) {
        this.libvirt = libvirt;
        this.setup = setup;
    }

    /** Applies every limit in {@code limits} to the running guest and its stored definition. */
    public void apply(String domain, LimitSpec limits) {
        DomainXml.Host host = setup.ready();
        libvirt.call("change server limits", c -> {
            boolean running = LibvirtNative.state(c, domain).toDomainState().isActive();
            // A stopped guest only has a definition; a running one gets both, so a restart keeps the change.
            int flags = LibvirtNative.AFFECT_CONFIG | (running ? LibvirtNative.AFFECT_LIVE : 0);
            DomainDevices devices = DomainDevices.parse(xml(c, domain));
            LibvirtNative.setSchedulerParameters(c, domain, List.of(
                    LibvirtNative.Param.ullong("cpu_shares", limits.cpuShares()),
                    LibvirtNative.Param.ullong("vcpu_period", LimitSpec.CPU_PERIOD_US),
                    LibvirtNative.Param.llong("vcpu_quota", limits.cpuQuotaUsPerVcpu())), flags);
            for (String disk : devices.diskTargets()) {
                LibvirtNative.setBlockIoTune(c, domain, disk, List.of(
                        LibvirtNative.Param.ullong("total_iops_sec", limits.diskIops()),
                        LibvirtNative.Param.ullong("total_bytes_sec", limits.diskBytesPerSec())), flags);
            }
            if (host.blkioWeight()) {
                LibvirtNative.setBlkioParameters(c, domain, List.of(LibvirtNative.Param.uint("weight", limits.blkioWeight())), flags);
            }
            for (DomainDevices.Nic nic : host.bandwidth() ? devices.nics() : List.<DomainDevices.Nic>of()) {
                // by MAC: the vnetN name exists only while the guest runs, the MAC in both places
                LibvirtNative.setInterfaceParameters(c, domain, nic.mac(), List.of(
                        LibvirtNative.Param.uint("inbound.average", limits.netKBps()),
                        LibvirtNative.Param.uint("outbound.average", limits.netKBps())), flags);
            }
            return null;
        });
    }

    /** What libvirt and the cgroup files say right now (live values while running, else the definition's). */
    public LiveLimits read(String domain) {
        DomainXml.Host host = setup.ready();
        Reported reported = libvirt.call("read server limits", c -> {
            DomainDevices devices = DomainDevices.parse(xml(c, domain));
            Map<String, Object> sched = LibvirtNative.schedulerParameters(c, domain, LibvirtNative.AFFECT_CURRENT);
            List<String> disks = devices.diskTargets();
            Map<String, Object> iotune = disks.isEmpty() ? Map.of()
                    : LibvirtNative.blockIoTune(c, domain, disks.get(0), LibvirtNative.AFFECT_CURRENT);
            Map<String, Object> blkio = host.blkioWeight() ? LibvirtNative.blkioParameters(c, domain, LibvirtNative.AFFECT_CURRENT) : Map.of();
            Map<String, Object> net = devices.nics().isEmpty() || !host.bandwidth() ? Map.of()
                    : LibvirtNative.interfaceParameters(c, domain, devices.nics().get(0).mac(), LibvirtNative.AFFECT_CURRENT);
            return new Reported(sched, iotune, blkio, net);
        });
        GuestCgroup cgroup = GuestCgroup.ofDomain(domain).orElse(null);
        List<Long> quotas = cgroup == null ? null : cgroup.vcpuQuotasUs();
        Long weight = cgroup == null ? null : cgroup.cpuWeight();
        String version = cgroup == null ? (CgroupFiles.mounts().v2() ? "v2" : "v1") : cgroup.version();
        Long blkio = number(reported.blkio(), "weight");
        return new LiveLimits(domain, number(reported.sched(), "cpu_shares"), number(reported.sched(), "vcpu_period"),
                number(reported.sched(), "vcpu_quota"), number(reported.iotune(), "total_iops_sec"),
                number(reported.iotune(), "total_bytes_sec"), blkio == null ? null : blkio.intValue(),
                number(reported.net(), "inbound.average"), number(reported.net(), "outbound.average"),
                quotas == null ? null : new ArrayList<>(quotas), weight, version);
    }

    private record Reported(Map<String, Object> sched, Map<String, Object> iotune, Map<String, Object> blkio,
                            Map<String, Object> net) {
    }

    private static String xml(NativeConnect c, String domain) throws LibvirtException {
        Domain d = c.domainLookupByName(domain);
        try {
            return d.getXMLDesc(0);
        } finally {
            d.free();
        }
    }

    private static Long number(Map<String, Object> values, String field) {
        return values.get(field) instanceof Number n ? n.longValue() : null;
    }
}
