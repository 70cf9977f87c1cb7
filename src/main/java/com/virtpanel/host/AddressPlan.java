package com.virtpanel.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 range of the guest network: the panel assigns addresses itself (static, through
 * the cloud-init seed), so an address is known the moment a server is ordered.
 */
public record AddressPlan(String network, int prefix, String gateway, List<String> dns, long firstHost, long lastHost) {

    /** Host addresses .1 (gateway) to .9 are kept back for the host's own use. */
    private static final int RESERVED = 10;

    public static AddressPlan of(String cidr) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > 29) {
            throw new IllegalArgumentException("panel.network.cidr needs a prefix between /8 and /29: " + cidr);
        }
        long base = toLong(parts[0]) & mask(prefix);
        long broadcast = base | (~mask(prefix) & 0xffffffffL);
        String gateway = toString(base + 1);
        return new AddressPlan(toString(base), prefix, gateway, List.of(gateway),
                base + Math.min(RESERVED, broadcast - base - 2), broadcast - 1);
    }

    /** The first address of the range not in {@code taken}, or null when the range is full. */
    public String firstFree(java.util.Set<String> taken) {
        for (long a = firstHost; a <= lastHost; a++) {
            String candidate = toString(a);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public long size() {
        return lastHost - firstHost + 1;
    }

    public String netmask() {
        return toString(mask(prefix));
    }

    public List<String> all() {
        var list = new ArrayList<String>();
        for (long a = firstHost; a <= lastHost; a++) {
            list.add(toString(a));
        }
        return list;
    }

    private static long mask(int prefix) {
        return (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    static long toLong(String ip) {
        String[] o = ip.trim().split("\\.");
        if (o.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        long v = 0;
        for (String part : o) {
            int n = Integer.parseInt(part);
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            v = (v << 8) | n;
        }
        return v;
    }

    static String toString(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
