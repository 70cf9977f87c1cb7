package com.virtpanel.server;

/**
 * One of a server's addresses as the API shows it.
 *
 * @param family  4 or 6
 * @param prefix  the prefix length of the network it sits in (the IPv4 network, the server's own /64)
 */
public record ServerAddress(String address, int family, int prefix) {
}
