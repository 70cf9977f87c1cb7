package com.virtpanel.network;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network as a customer typed it into a firewall rule, checked and written in
 * its one canonical form: IPv4 dotted, IPv6 as RFC 5952 puts it (lower case, the longest run of
 * zero groups as "::"), which is also how nft prints it, so the reconciler's line-by-line
 * comparison with the kernel's rules holds.
 *
 * @param base   the network's address as a number
 * @param prefix the prefix length
 * @param bits   32 for IPv4, 128 for IPv6
 */
record Cidr(BigInteger base, int prefix, int bits) {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    static Cidr parse(String field, String text) {
        String t = text == null ? "" : text.strip();
        String[] parts = t.split("/", -1);
        if (parts.length > 2) {
            throw invalid(field, t);
        }
        boolean v6 = parts[0].contains(":");
        int bits = v6 ? 128 : 32;
        BigInteger address = v6 ? ipv6(field, parts[0], t) : ipv4(field, parts[0], t);
        int prefix = bits;
        if (parts.length == 2) {
            if (!parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > bits) {
                throw invalid(field, t);
            }
            prefix = Integer.parseInt(parts[1]);
        }
        BigInteger masked = address.and(mask(prefix, bits));
        if (!masked.equals(address)) {
            throw new InvalidInputException(field,
                    UserMessage.of("error.firewall.cidr-host-bits", t, new Cidr(masked, prefix, bits).toString()));
        }
        return new Cidr(address, prefix, bits);
    }

    boolean ipv6() {
        return bits == 128;
    }

    /** Networks of different families never overlap: an IPv4 rule says nothing about IPv6. */
    boolean overlaps(Cidr other) {
        if (bits != other.bits) {
            return false;
        }
        BigInteger m = mask(Math.min(prefix, other.prefix), bits);
        return base.and(m).equals(other.base.and(m));
    }

    /** The network's last address (its broadcast address, for IPv4). */
    BigInteger last() {
        return base.add(BigInteger.ONE.shiftLeft(bits - prefix)).subtract(BigInteger.ONE);
    }

    /** The base address as people write it, without the prefix length. */
    String addressText() {
        return ipv6() ? ipv6Text(base) : ipv4Text(base);
    }

    @Override
    public String toString() {
        return addressText() + "/" + prefix;
    }

    private static BigInteger ipv4(String field, String address, String typed) {
        if (!IPV4.matcher(address).matches()) {
            throw invalid(field, typed);
        }
        long value = 0;
        for (String octet : address.split("\\.")) {
            int v = Integer.parseInt(octet);
            if (v > 255) {
                throw invalid(field, typed);
            }
            value = (value << 8) | v;
        }
        return BigInteger.valueOf(value);
    }

    /** Plain colon-hex only (no embedded IPv4, no zone): what a firewall rule needs, parsed without DNS. */
    private static BigInteger ipv6(String field, String address, String typed) {
        int gap = address.indexOf("::");
        if (gap != address.lastIndexOf("::")) {
            throw invalid(field, typed);
        }
        String[] head = groups(field, gap < 0 ? address : address.substring(0, gap), typed);
        String[] tail = gap < 0 ? new String[0] : groups(field, address.substring(gap + 2), typed);
        int missing = 8 - head.length - tail.length;
        if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
            throw invalid(field, typed);
        }
        BigInteger value = BigInteger.ZERO;
        for (String g : head) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
        }
        value = value.shiftLeft(16 * (gap < 0 ? 0 : missing));
        for (String g : tail) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
        }
        return value;
    }

    private static String[] groups(String field, String part, String typed) {
        if (part.isEmpty()) {
            return new String[0];
        }
        String[] groups = part.split(":", -1);
        for (String g : groups) {
            if (!IPV6_GROUP.matcher(g).matches()) {
                throw invalid(field, typed);
            }
        }
        return groups;
    }

    private static BigInteger mask(int prefix, int bits) {
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return all.shiftRight(prefix).xor(all);
    }

    private static String ipv4Text(BigInteger base) {
        long b = base.longValue();
        return ((b >> 24) & 255) + "." + ((b >> 16) & 255) + "." + ((b >> 8) & 255) + "." + (b & 255);
    }

    /** RFC 5952: the first longest run of two or more zero groups becomes "::". */
    private static String ipv6Text(BigInteger base) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = base.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }

    private static InvalidInputException invalid(String field, String typed) {
        return new InvalidInputException(field, UserMessage.of("error.firewall.cidr-invalid", typed));
    }
}
