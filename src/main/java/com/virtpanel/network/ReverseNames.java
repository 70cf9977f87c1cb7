package com.virtpanel.network;

import java.math.BigInteger;

/**
 * The DNS names of reverse lookups: the PTR owner of an address (4.3.2.1.in-addr.arpa., the
 * 32 nibbles of an IPv6 address backwards under ip6.arpa.) and the reverse zone of a network.
 * A zone ends on an octet (IPv4) or nibble (IPv6) boundary at or above the network's prefix, so
 * every address of the network falls into it (a /24 is one in-addr.arpa zone, a /48 one ip6.arpa zone).
 */
final class ReverseNames {

    private ReverseNames() {
    }

    /** The PTR owner name of a single address ("10.133.0.2", "fd76::1"), fully qualified with the trailing dot. */
    static String ptrOwner(String address) {
        Cidr a = single(address);
        return a.ipv6() ? nibbles(a.base(), 32) : octets(a.base(), 4);
    }

    /** The reverse zone that holds every address of {@code cidr} ("10.133.0.0/24" → "0.133.10.in-addr.arpa."). */
    static String zone(String cidr) {
        Cidr network = Cidr.parse("cidr", cidr);
        if (network.ipv6()) {
            return nibbles(network.base(), Math.max(1, Math.min(31, network.prefix() / 4)));
        }
        return octets(network.base(), Math.max(1, Math.min(3, network.prefix() / 8)));
    }

    /** The address in its one canonical text (IPv6 as RFC 5952 writes it); IllegalArgumentException when it is none. */
    static String canonical(String address) {
        Cidr a = single(address);
        String text = a.toString();
        return text.substring(0, text.indexOf('/'));
    }

    static int family(String address) {
        return single(address).ipv6() ? 6 : 4;
    }

    private static Cidr single(String address) {
        if (address == null || address.contains("/")) {
            throw new IllegalArgumentException("not a single address: " + address);
        }
        try {
            return Cidr.parse("address", address);
        } catch (com.virtpanel.base.InvalidInputException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
    }

    /** The first {@code count} octets of an IPv4 address, backwards. */
    private static String octets(BigInteger value, int count) {
        long v = value.longValue();
        var name = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            name.append((v >> (8 * (3 - i))) & 255).append('.');
        }
        return name.append("in-addr.arpa.").toString();
    }

    /** The first {@code count} nibbles of an IPv6 address, backwards. */
    private static String nibbles(BigInteger value, int count) {
        var name = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            name.append(Character.forDigit(value.shiftRight(4 * (31 - i)).intValue() & 0xf, 16)).append('.');
        }
        return name.append("ip6.arpa.").toString();
    }
}
