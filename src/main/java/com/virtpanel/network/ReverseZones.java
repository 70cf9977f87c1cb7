package com.virtpanel.network;

import com.virtpanel.host.HostProperties;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The reverse zones of the panel's guest network: one for its IPv4 network, one for the IPv6
 * prefix the servers' /64s come from. Each is created in PowerDNS once (per panel start).
 */
@Component
class ReverseZones {

    private final PowerDns powerDns;
    private final List<String> zones;
    private final String nameserver;
    private final Set<String> present = ConcurrentHashMap.newKeySet();

    ReverseZones(PowerDns powerDns, HostProperties host, DnsProperties config) {
        this.powerDns = powerDns;
        this.zones = List.of(ReverseNames.zone(host.network().cidr()),
                ReverseNames.zone(host.network().ipv6().prefix48()));
        this.nameserver = "ns1." + config.defaultDomain() + ".";
    }

    List<String> all() {
        return zones;
    }

    /** The zone {@code address}'s PTR lives in, created when missing. */
    String ensuredZoneOf(String address) {
        String owner = ReverseNames.ptrOwner(address);
        String zone = zones.stream().filter(z -> owner.endsWith("." + z)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(address + " is in none of the reverse zones " + zones));
        ensure(zone);
        return zone;
    }

    void ensureAll() {
        zones.forEach(this::ensure);
    }

    /** Forgets which zones exist, so the next use checks again (someone may have deleted one). */
    void recheck() {
        present.clear();
    }

    private void ensure(String zone) {
        if (!present.contains(zone)) {
            powerDns.ensureZone(zone, nameserver);
            present.add(zone);
        }
    }
}
