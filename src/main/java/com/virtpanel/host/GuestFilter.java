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
 * clean-traffic refuses IPv6; a guest with its own /64 is put under {@link #IPV6_NAME} instead,
 * which adds an IPv6 chain: the guest sends only from its /64, its own link-local address
 * (the one its kernel forms from its MAC, where the host routes the /64) and the unspecified
 * address (duplicate address detection) — never from a neighbour's prefix.
 */
final class GuestFilter {

    static final String NAME = "virtpanel-guest";
    static final String IPV6_NAME = "virtpanel-guest-ipv6";
    private static final String IPV6_CHAIN_NAME = "virtpanel-guest-ipv6-source";

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

    /** The IPv6 chain: runs before no-other-l2-traffic's final drop (priority 1000) in the root chain. */
    static String ipv6ChainXml(String uuid) {
        return "<filter name='" + IPV6_CHAIN_NAME + "' chain='ipv6' priority='-610'>\n"
                + (uuid == null ? "" : "  <uuid>" + uuid + "</uuid>\n")
                + "  <rule action='accept' direction='out' priority='100'>\n"
                + "    <ipv6 srcipaddr='$IPV6_NET' srcipmask='64'/>\n"
                + "  </rule>\n"
                + "  <rule action='accept' direction='out' priority='200'>\n"
                + "    <ipv6 srcipaddr='$IPV6_LINK' srcipmask='128'/>\n"
                + "  </rule>\n"
                + "  <rule action='accept' direction='out' priority='300'>\n"
                + "    <ipv6 srcipaddr='::' srcipmask='128'/>\n"
                + "  </rule>\n"
                + "  <rule action='drop' direction='out' priority='1000'/>\n"
                + "  <rule action='accept' direction='in' priority='500'/>\n"
                + "</filter>\n";
    }

    /** The IPv4 filter and the IPv6 chain together, for guests that have a /64. */
    static String ipv6Xml(String uuid) {
        return "<filter name='" + IPV6_NAME + "' chain='root'>\n"
                + (uuid == null ? "" : "  <uuid>" + uuid + "</uuid>\n")
                + "  <filterref filter='" + NAME + "'/>\n"
                + "  <filterref filter='" + IPV6_CHAIN_NAME + "'/>\n"
                + "</filter>\n";
    }

    /** The domain XML that puts a guest with an IPv4 address and a /64 under the filter. */
    static String reference(String ipv4, String ipv6Net, String mac) {
        if (ipv6Net == null) {
            return reference(ipv4);
        }
        return "      <filterref filter='" + IPV6_NAME + "'>\n"
                + "        <parameter name='IP' value='" + DomainXml.esc(ipv4) + "'/>\n"
                + "        <parameter name='IPV6_NET' value='" + DomainXml.esc(ipv6Net) + "'/>\n"
                + "        <parameter name='IPV6_LINK' value='" + Ipv6Plan.linkLocal(mac) + "'/>\n"
                + "      </filterref>\n";
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
        ensure(c, NAME, GuestFilter::xml);
        // the filters referenced first: libvirt refuses a filter whose references are missing
        ensure(c, IPV6_CHAIN_NAME, GuestFilter::ipv6ChainXml);
        ensure(c, IPV6_NAME, GuestFilter::ipv6Xml);
    }

    private static void ensure(NativeConnect c, String name, java.util.function.UnaryOperator<String> xml)
            throws LibvirtException {
        String uuid = null;
        try {
            NetworkFilter existing = c.networkFilterLookupByName(name);
            try {
                uuid = existing.getUUIDString();
                if (sameRules(existing.getXMLDesc(), xml.apply(uuid))) {
                    return;
                }
            } finally {
                existing.free();
            }
        } catch (LibvirtException e) {
            // "no nwfilter with matching name": read from the text, which every libvirt-java version passes on as it is
            if (e.getMessage() == null || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no nwfilter")) {
                throw e;
            }
        }
        c.networkFilterDefineXML(xml.apply(uuid)).free();
    }

    /** libvirt gives the definition back in its own layout: compare without white space. */
    static boolean sameRules(String defined, String wanted) {
        return defined.replaceAll("\\s+", "").equals(wanted.replaceAll("\\s+", ""));
    }
}
