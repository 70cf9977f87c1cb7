package com.virtpanel.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * The IPv6 side of the guest network: a /48 from which every server gets its own routed /64
 * (subnet 1 to 65535, the server's address is ::1 in it) and whose subnet 0 is the bridge's
 * link, where the host is ::1 — the guests' gateway.
 *
 * <p>Without a configured prefix it is derived from the IPv4 network (fd76:AABB:CCDD::/48 for
 * AA.BB.CC.DD): a unique-local prefix that is the same at every start and differs between the
 * panel's network and each test network, so nothing on one machine collides.
 */
public record Ipv6Plan(String prefix48) {

    public static final int FIRST_NET = 1;
    public static final int LAST_NET = 0xffff;

    public Ipv6Plan {
        prefix48 = normalise(prefix48);
    }

    /** {@code configured} ("fdxx:xxxx:xxxx::/48"), or the prefix derived from {@code ipv4Cidr} when it is blank. */
    public static Ipv6Plan of(String configured, String ipv4Cidr) {
        if (configured != null && !configured.isBlank()) {
            return new Ipv6Plan(configured);
        }
        long v4 = AddressPlan.toLong(AddressPlan.of(ipv4Cidr).network());
        return new Ipv6Plan(String.format("fd76:%04x:%04x::/48", (v4 >> 16) & 0xffff, v4 & 0xffff));
    }

    /** The server network {@code net}'s address, e.g. "fd76:a82:0:1::" (a /64). */
    public String network(int net) {
        requireNet(net);
        return groups() + ":" + Integer.toHexString(net) + "::";
    }

    /** The server's own address in its /64 (::1). */
    public String address(int net) {
        return network(net) + "1";
    }

    /** The host's address on the bridge's link (subnet 0), the guests' IPv6 gateway. */
    public String gateway() {
        return groups() + "::1";
    }

    /** The first /64 number that is not in {@code taken}, or -1 when every one is. */
    public int firstFree(Set<Integer> taken) {
        for (int net = FIRST_NET; net <= LAST_NET; net++) {
            if (!taken.contains(net)) {
                return net;
            }
        }
        return -1;
    }

    /** The link-local address a guest's kernel forms from its MAC (modified EUI-64): the host routes its /64 there. */
    public static String linkLocal(String mac) {
        String[] b = mac.split(":");
        if (b.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + mac);
        }
        int first = Integer.parseInt(b[0], 16) ^ 0x02;
        return String.format("fe80::%x:%x:%x:%x", (first << 8) | Integer.parseInt(b[1], 16),
                (Integer.parseInt(b[2], 16) << 8) | 0xff, 0xfe00 | Integer.parseInt(b[3], 16),
                (Integer.parseInt(b[4], 16) << 8) | Integer.parseInt(b[5], 16));
    }

    private String groups() {
        return prefix48.substring(0, prefix48.indexOf("::"));
    }

    private static void requireNet(int net) {
        if (net < FIRST_NET || net > LAST_NET) {
            throw new IllegalArgumentException("no such /64 in the prefix: " + net);
        }
    }

    /** Checks "x:y:z::/48" and writes it in its shortest form (leading zeros off), which {@link #groups} relies on. */
    private static String normalise(String prefix) {
        String[] parts = prefix.trim().split("/");
        if (parts.length != 2 || !"48".equals(parts[1]) || !parts[0].contains(":")) {
            throw new IllegalArgumentException("panel.network.ipv6-prefix needs an IPv6 /48 such as fd76:a82:0::/48: " + prefix);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 prefix: " + prefix);
        }
        if (bytes.length != 16) {
            throw new IllegalArgumentException("not an IPv6 prefix: " + prefix);
        }
        for (int i = 6; i < 16; i++) {
            if (bytes[i] != 0) {
                throw new IllegalArgumentException("panel.network.ipv6-prefix has bits set beyond its /48: " + prefix);
            }
        }
        return String.format("%x:%x:%x::/48", word(bytes, 0), word(bytes, 2), word(bytes, 4));
    }

    private static int word(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
}
