package com.virtpanel.network;

import java.util.List;

/**
 * One accept rule as customers write it and the API shows it.
 *
 * @param direction "in" (to the server) or "out" (from it)
 * @param protocol  "tcp", "udp" or "icmp"
 * @param port      "22", "8000-8100", or null for every port (always null for icmp)
 * @param cidrs     the peers: sources of inbound, destinations of outbound traffic
 */
public record FirewallRule(String direction, String protocol, String port, List<String> cidrs) {
}
