package com.virtpanel.host;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.Domain;
import org.libvirt.DomainBlockStats;
import org.libvirt.DomainInfo;
import org.libvirt.DomainInterfaceStats;
import org.libvirt.LibvirtException;
import org.springframework.stereotype.Service;

/**
 * Usage counters of every running guest in one pass. This first version asks libvirt per
 * domain; the sources are chosen by cost in the host module's sampling work.
 */
@Service
public class GuestStats {

    private final LibvirtConnection libvirt;
    private final Clock clock;

    GuestStats(LibvirtConnection libvirt, Clock clock) {
        this.libvirt = libvirt;
        this.clock = clock;
    }

    /** One sample per running guest. */
    public List<GuestSample> sampleRunning() {
        return libvirt.call("sample usage", c -> {
            var samples = new ArrayList<GuestSample>();
            for (int id : c.listDomains()) {
                Domain d;
                try {
                    d = c.domainLookupByID(id);
                } catch (LibvirtException gone) {
                    continue;
                }
                try {
                    samples.add(sample(d, id));
                } catch (LibvirtException stoppedMeanwhile) {
                    // the guest stopped between listing and reading: no sample, a gap
                } finally {
                    d.free();
                }
            }
            return samples;
        });
    }

    private GuestSample sample(Domain d, int id) throws LibvirtException {
        DomainInfo info = d.getInfo();
        String xml = d.getXMLDesc(0);
        long rdBytes = 0, wrBytes = 0, rdOps = 0, wrOps = 0, rx = 0, tx = 0;
        for (String disk : targets(xml, "<target dev='(vd[a-z]+|sd[a-z]+)' bus='(virtio|sata)'/>")) {
            DomainBlockStats b = d.blockStats(disk);
            rdBytes += b.rd_bytes;
            wrBytes += b.wr_bytes;
            rdOps += b.rd_req;
            wrOps += b.wr_req;
        }
        for (String nic : targets(xml, "<target dev='(vnet\\d+)'/>")) {
            DomainInterfaceStats n = d.interfaceStats(nic);
            rx += n.rx_bytes;
            tx += n.tx_bytes;
        }
        return new GuestSample(d.getName(), id, clock.instant(), info.cpuTime, rdBytes, wrBytes, rdOps, wrOps, rx, tx);
    }

    private static List<String> targets(String xml, String regex) {
        var m = java.util.regex.Pattern.compile(regex).matcher(xml);
        var found = new ArrayList<String>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
