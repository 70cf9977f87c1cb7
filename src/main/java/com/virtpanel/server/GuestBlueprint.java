package com.virtpanel.server;

import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.IsoLibrary;
import com.virtpanel.catalog.OsFamily;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.AddressPlan;
import com.virtpanel.host.CloudInitSeed;
import com.virtpanel.host.DomainSpec;
import com.virtpanel.host.GuestNetwork;
import com.virtpanel.host.GuestOs;
import com.virtpanel.host.HostProperties;
import com.virtpanel.host.InstallMedia;
import com.virtpanel.host.Ipv6Plan;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.Template;
import com.virtpanel.host.TemplateSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns a server, its plan and its image into what the host module needs: domain spec and seed. */
@Component
class GuestBlueprint {

    private final AddressPlan addresses;
    private final Ipv6Plan ipv6;
    private final java.time.Duration releaseCooldown;
    private final IsoLibrary isos;

    GuestBlueprint(HostProperties host, IsoLibrary isos) {
        this.addresses = AddressPlan.of(host.network().cidr());
        this.ipv6 = host.network().ipv6();
        this.releaseCooldown = host.network().releaseCooldown();
        this.isos = isos;
    }

    AddressPlan addresses() {
        return addresses;
    }

    Ipv6Plan ipv6() {
        return ipv6;
    }

    /** The server's addresses: its IPv4 address and, when it has one, its IPv6 address (::1 of its /64). */
    java.util.List<ServerAddress> addressesOf(Server server) {
        var found = new java.util.ArrayList<ServerAddress>();
        if (server.getIpv4() != null) {
            found.add(new ServerAddress(server.getIpv4(), 4, addresses.prefix()));
        }
        if (server.getIpv6Net() != null) {
            found.add(new ServerAddress(ipv6.address(server.getIpv6Net()), 6, 64));
        }
        return found;
    }

    /** How long a deleted server's addresses rest before another server gets them. */
    java.time.Duration releaseCooldown() {
        return releaseCooldown;
    }

    static TemplateSource template(ImageInfo image) {
        return new TemplateSource(image.name(), image.sourcePath(), image.kernelPath(), image.initrdPath(),
                image.kernelCmdline());
    }

    DomainSpec domain(Server server, PlanInfo plan, ImageInfo image, Template template, String disk, String seed,
            LimitSpec limits) {
        var os = new GuestOs(GuestOs.Family.valueOf(image.osFamily().name()), image.virtio() || image.osFamily() != OsFamily.WINDOWS,
                image.firmware() == com.virtpanel.catalog.Firmware.UEFI);
        return new DomainSpec(server.getDomainName(), server.getName(), plan.vcpus(), plan.memoryMib(), os,
                template.boot(), disk, seed, server.getMac(), limits, server.getIpv4(), attachedIso(server),
                server.getIpv4() == null || server.getIpv6Net() == null ? null : ipv6.network(server.getIpv6Net()));
    }

    /** The server's attached ISO stays in every definition (a plan change, a reinstall) until it is ejected. */
    InstallMedia attachedIso(Server server) {
        return server.getIsoId() == null ? null
                : new InstallMedia(isos.iso(server.getIsoId()).path(), server.isIsoKeepBooting());
    }

    InstallMedia media(long isoId, boolean bootFirst) {
        return new InstallMedia(isos.iso(isoId).path(), bootFirst);
    }

    CloudInitSeed seed(Server server, String seedVolume) {
        // The instance id follows the seed's generation: a reinstall is a new instance to cloud-init.
        String instanceId = seedVolume.replace(".iso", "");
        return new CloudInitSeed(instanceId, server.getName(), server.getSshKeys(), server.getRootPasswordHash(),
                network(server), List.of(), server.getUserData());
    }

    /** The rescue boot's seed: the server's own address and keys, and a one-time password's hash (or null). */
    com.virtpanel.host.RescueSeed rescueSeed(Server server, String oneTimePasswordHash) {
        return new com.virtpanel.host.RescueSeed(server.getName(), network(server), server.getSshKeys(), oneTimePasswordHash);
    }

    private GuestNetwork network(Server server) {
        if (server.getIpv4() == null) {
            return null;
        }
        Integer net = server.getIpv6Net();
        return new GuestNetwork(server.getMac(), server.getIpv4() + "/" + addresses.prefix(), addresses.gateway(),
                addresses.dns(), net == null ? null : ipv6.address(net) + "/64", net == null ? null : ipv6.gateway());
    }

    static int diskSize(PlanInfo plan, ImageInfo image) {
        return Math.max(plan.diskGib(), image.minDiskGib());
    }
}
