package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.PanelException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies limits to a guest without a reboot (live and in its persistent definition) and
 * reads back what the kernel enforces. CPU: scheduler parameters (cgroup cpu.shares/weight
 * and per-vCPU CFS quota); disk: QEMU's block I/O throttle per disk, and the blkio weight where
 * the kernel honours one; network: the interface's bandwidth where the kernel has what libvirt
 * needs for it, else the panel's own tc caps on the guest's tap ({@link NetworkShaping}).
 */
@Service
public class GuestLimits {

    private static final Logger log = LoggerFactory.getLogger(GuestLimits.class);

    private final LibvirtConnection libvirt;
    private final HostSetup setup;
    private final TapShaper shaper;

    private final java.nio.file.Path runDir;

    GuestLimits(LibvirtConnection libvirt, HostSetup setup, TapShaper shaper, HostProperties properties) {
        this.runDir = properties.libvirt().runDir();
        this.libvirt = libvirt;
        this.setup = setup;
        this.shaper = shaper;
    }

    /** Applies every limit in {@code limits} to the running guest and its stored definition. */
    public void apply(String domain, LimitSpec limits) {
        DomainXml.Host host = setup.ready();
        List<String> taps = libvirt.call("change server limits", c -> {
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
            if (host.netShaping() == NetworkShaping.TAP) {
                LibvirtNative.setMetadataElement(c, domain, NetworkCap.metadata(limits.netKBps(), false), NetworkCap.PREFIX,
                        NetworkCap.NAMESPACE, flags);
                return running ? devices.taps() : List.<String>of();
            }
            for (DomainDevices.Nic nic : host.netShaping() == NetworkShaping.LIBVIRT ? devices.nics() : List.<DomainDevices.Nic>of()) {
                // by MAC: the vnetN name exists only while the guest runs, the MAC in both places
                LibvirtNative.setInterfaceParameters(c, domain, nic.mac(), List.of(
                        LibvirtNative.Param.uint("inbound.average", limits.netKBps()),
                        LibvirtNative.Param.uint("outbound.average", limits.netKBps())), flags);
            }
            return List.<String>of();
        });
        capTaps(domain, taps, limits.netKBps());
    }

    /**
     * Puts the cap kept in a running guest's metadata on its taps, which are new at every start.
     * Nothing to do where libvirt caps the network itself.
     */
    public void restoreNetworkCap(String domain) {
        if (setup.ready().netShaping() != NetworkShaping.TAP) {
            return;
        }
        DomainDevices devices = libvirt.call("read server devices", c -> DomainDevices.parse(xml(c, domain)));
        if (devices.netCapKBps() != null) {
            capTaps(domain, devices.taps(), devices.netCapKBps());
        }
    }

    private void capTaps(String domain, List<String> taps, long kBps) {
        for (String tap : taps) {
            try {
                shaper.shape(tap, kBps);
            } catch (IOException e) {
                log.warn("Cannot cap the network of {} on {}: {}", domain, tap, e.getMessage());
                throw new HostException(PanelException.Kind.FAILED,
                        UserMessage.of("error.host.could-not-apply-network-limit"),
                        "capping " + tap + " of " + domain + ": " + e.getMessage(), e);
            }
        }
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
            Map<String, Object> net = devices.nics().isEmpty() || host.netShaping() != NetworkShaping.LIBVIRT ? Map.of()
                    : LibvirtNative.interfaceParameters(c, domain, devices.nics().get(0).mac(), LibvirtNative.AFFECT_CURRENT);
            return new Reported(sched, iotune, blkio, net, devices.taps());
        });
        TapShaper.Rates tapRates = host.netShaping() == NetworkShaping.TAP && !reported.taps().isEmpty()
                ? tapRates(domain, reported.taps().get(0)) : null;
        GuestCgroup cgroup = GuestCgroup.ofDomain(runDir, domain).orElse(null);
        List<Long> quotas = cgroup == null ? null : cgroup.vcpuQuotasUs();
        Long weight = cgroup == null ? null : cgroup.cpuWeight();
        String version = cgroup == null ? (CgroupFiles.mounts().v2() ? "v2" : "v1") : cgroup.version();
        Long blkio = number(reported.blkio(), "weight");
        return new LiveLimits(domain, number(reported.sched(), "cpu_shares"), number(reported.sched(), "vcpu_period"),
                number(reported.sched(), "vcpu_quota"), number(reported.iotune(), "total_iops_sec"),
                number(reported.iotune(), "total_bytes_sec"), blkio == null ? null : blkio.intValue(),
                tapRates != null ? Long.valueOf(tapRates.inboundKBps()) : number(reported.net(), "inbound.average"),
                tapRates != null ? Long.valueOf(tapRates.outboundKBps()) : number(reported.net(), "outbound.average"),
                quotas == null ? null : new ArrayList<>(quotas), weight, version);
    }

    /** @param taps the guest's host-side interfaces; empty when it is not running */
    private record Reported(Map<String, Object> sched, Map<String, Object> iotune, Map<String, Object> blkio,
                            Map<String, Object> net, List<String> taps) {
    }

    /** Null (not provable) when tc cannot tell, e.g. the guest stopped a moment ago. */
    private TapShaper.Rates tapRates(String domain, String tap) {
        try {
            return shaper.read(tap);
        } catch (IOException e) {
            log.warn("Cannot read the network cap of {} on {}: {}", domain, tap, e.getMessage());
            return null;
        }
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
