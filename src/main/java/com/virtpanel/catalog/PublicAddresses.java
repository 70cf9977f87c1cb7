package com.virtpanel.catalog;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a host name stands only for public Internet addresses. An image URL typed by an admin
 * may point anywhere, but a redirect it answers with must not turn the panel into a probe of its
 * own network (loopback, private, link-local, carrier-grade NAT, unique-local, multicast).
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    /** True when the host resolves, and every address it resolves to is public. */
    static boolean onlyPublic(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress address : all) {
                if (!isPublic(address)) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The same, and none of the addresses is one of this host's own (a public address on one of
     * its interfaces would reach the panel's own services): what a customer's URL must pass.
     */
    static boolean onlyPublicElsewhere(String host) {
        if (!onlyPublic(host)) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (java.net.NetworkInterface.getByInetAddress(address) != null) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | java.net.SocketException e) {
            return false;
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                   // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))   // benchmarking
                    && first < 240;                              // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address: judge that one
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }
}
