package com.virtpanel.host;

import org.libvirt.LibvirtException;
import org.libvirt.NetworkFilter;

/**
 * Tenants' guests share one bridge, so the host keeps each of them to its own identity:
 * libvirt's nwfilter, instantiated by libvirt itself whenever the guest starts (from the panel,
 * virsh, autostart or a host reboot), because the filter is part of the guest's definition.
 *
 * <p>The panel's filter builds on libvirt's {@code clean-traffic}: the guest sends only from its
 * own MAC and its assigned address ({@code IP}, one per address), answers ARP only for itself,
 * and sends no other layer-2 protocol. On top of that it is no DHCP server for its neighbours.
 * IPv6 is refused by clean-traffic until the panel hands out IPv6 addresses (the filter then
 * gains the guest's prefix the same way).
 */
final class GuestFilter {

    static final String NAME = "virtpanel-guest";

    private GuestFilter() {
    }

    /** The filter's definition; {@code uuid} keeps an existing filter's identity (libvirt refuses a new one). */
    static String xml(String uuid) {
        return "<filter name='" + NAME + "' chain='root'>\n"
                + (uuid == null ? "" : "  <uuid>" + uuid + "</uuid>\n")
                + "  <filterref filter='clean-traffic'/>\n"
                // a DHCP server's answers come from port 67: no guest answers for the host's dnsmasq
                + "  <rule action='drop' direction='out' priority='-800'>\n"
                + "    <ip protocol='udp' srcportstart='67' srcportend='67'/>\n"
                + "  </rule>\n"
                + "</filter>\n";
    }

    /** The domain XML that puts a guest's interface under the filter. */
    static String reference(String ipv4) {
        return "      <filterref filter='" + NAME + "'>\n"
                + "        <parameter name='IP' value='" + DomainXml.esc(ipv4) + "'/>\n"
                + "      </filterref>\n";
    }

    /**
     * Defines the filter when it is missing or differs from this version. Only then: libvirt
     * re-applies a redefined filter to every running guest, which on a full host is a storm of
     * ebtables calls, and this runs at every (re)connection to libvirtd.
     */
    static void ensure(NativeConnect c) throws LibvirtException {
        String uuid = null;
        try {
            NetworkFilter existing = c.networkFilterLookupByName(NAME);
            try {
                uuid = existing.getUUIDString();
                if (sameRules(existing.getXMLDesc(), xml(uuid))) {
                    return;
                }
            } finally {
                existing.free();
            }
        } catch (LibvirtException e) {
            // libvirt-java 0.5.2's error enum has no nwfilter codes (see LibvirtErrors.meaning): read the text
            if (e.getMessage() == null || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no nwfilter")) {
                throw e;
            }
        }
        c.networkFilterDefineXML(xml(uuid)).free();
    }

    /** libvirt gives the definition back in its own layout: compare without white space. */
    static boolean sameRules(String defined, String wanted) {
        return defined.replaceAll("\\s+", "").equals(wanted.replaceAll("\\s+", ""));
    }
}
