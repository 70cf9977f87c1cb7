package com.virtpanel.network;

/**
 * One address of a server with its reverse DNS name.
 *
 * @param family  4 or 6
 * @param prefix  the prefix length of the network the address sits in
 * @param ptr     the name without the trailing dot; null when the address has none
 * @param pending true while PowerDNS does not serve {@code ptr} yet
 */
public record PtrDetails(String address, int family, int prefix, String ptr, boolean pending) {
}
