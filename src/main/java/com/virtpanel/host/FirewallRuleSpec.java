package com.virtpanel.host;

/**
 * One accept rule of a customer firewall as the host enforces it: already validated and
 * normalised by the network module.
 *
 * @param inbound  true: traffic to the guest (from {@code cidr}); false: from the guest (to {@code cidr})
 * @param protocol "tcp", "udp" or "icmp"
 * @param portFrom first port, or 0 for every port (always 0 for icmp)
 * @param portTo   last port (equal to {@code portFrom} for one port)
 * @param cidr     IPv4 or IPv6 network in canonical form ("10.0.0.0/24", "0.0.0.0/0", "2001:db8::/32", "::/0")
 */
public record FirewallRuleSpec(boolean inbound, String protocol, int portFrom, int portTo, String cidr) {
}
