package com.virtpanel.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The nftables text for one guest's firewall: two chains named after its IPv4 address, which
 * hold its rules for both families, in the form {@code nft list chain} prints them, so the
 * reconciler can compare what the kernel holds with what it should hold line by line.
 *
 * <p>The table is {@code inet}: one guest's IPv4 address and its whole IPv6 /64 lead to the
 * same chains (the /64 through maps keyed by the address's first 64 bits). A rule's network
 * says its family: "0.0.0.0/0" is every IPv4 peer, "::/0" every IPv6 peer, as with the big
 * clouds, so a firewall written for IPv4 leaves IPv6 closed rather than silently open.
 *
 * <p>Rules end in {@code return}, not {@code accept}: the base chains look at both the
 * destination (the receiving guest's inbound chain) and the source (the sending guest's
 * outbound chain) of a packet between two guests, and an accept would end the first look.
 */
final class FirewallRuleset {

    static final String TABLE = "virtpanel_fw";
    /** Where the first panel versions kept IPv4-only rules; removed when the base is laid. */
    private static final String OLD_IPV4_TABLE = "ip " + TABLE;
    private static final String T = "inet " + TABLE;
    private static final String PREFIX64 = "& ffff:ffff:ffff:ffff::";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Neighbour discovery: without it a filtered guest's IPv6 neighbours could not find each other. */
    static final String NEIGHBOUR_DISCOVERY =
            "icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } return";

    private FirewallRuleset() {
    }

    static String inChain(String ipv4) {
        return "in_" + checked(ipv4).replace('.', '_');
    }

    static String outChain(String ipv4) {
        return "out_" + checked(ipv4).replace('.', '_');
    }

    /**
     * The inbound chain's rules. No firewall attached: none (everything passes, as before
     * firewalls). Else replies to what passed, neighbour discovery, the accept rules, and a drop of the rest.
     */
    static List<String> inbound(List<FirewallRuleSpec> rules, boolean attached) {
        return attached ? chain(rules.stream().filter(FirewallRuleSpec::inbound).toList(), "saddr") : List.of();
    }

    /** The outbound chain's rules: open unless an attached firewall has outbound rules. */
    static List<String> outbound(List<FirewallRuleSpec> rules, boolean attached) {
        List<FirewallRuleSpec> out = rules.stream().filter(r -> !r.inbound()).toList();
        return attached && !out.isEmpty() ? chain(out, "daddr") : List.of();
    }

    private static List<String> chain(List<FirewallRuleSpec> rules, String peer) {
        List<String> lines = new ArrayList<>();
        lines.add("ct state established,related return");
        lines.add(NEIGHBOUR_DISCOVERY);
        for (FirewallRuleSpec r : rules) {
            lines.add(line(r, peer));
        }
        lines.add("drop");
        return lines;
    }

    /** One rule, written as nft prints it back (it drops what a match already implies, e.g. the family of "ip protocol"). */
    private static String line(FirewallRuleSpec r, String peer) {
        boolean ipv6 = r.cidr().contains(":");
        boolean everyone = "0.0.0.0/0".equals(r.cidr()) || "::/0".equals(r.cidr());
        String family = ipv6 ? "ipv6" : "ipv4";
        StringBuilder s = new StringBuilder();
        if (!everyone) {
            // nft prints a single address without its /32 or /128
            String single = ipv6 ? "/128" : "/32";
            String cidr = r.cidr().endsWith(single) ? r.cidr().substring(0, r.cidr().length() - single.length()) : r.cidr();
            s.append(ipv6 ? "ip6 " : "ip ").append(peer).append(' ').append(cidr).append(' ');
        }
        switch (r.protocol()) {
            case "icmp" -> s.append(ipv6 ? "meta l4proto ipv6-icmp " : "ip protocol icmp ");
            case "tcp", "udp" -> {
                if (everyone && (r.portFrom() > 0 || ipv6)) {
                    s.append("meta nfproto ").append(family).append(' ');
                }
                if (r.portFrom() > 0) {
                    s.append(r.protocol()).append(" dport ").append(r.portFrom());
                    if (r.portTo() != r.portFrom()) {
                        s.append('-').append(r.portTo());
                    }
                    s.append(' ');
                } else {
                    s.append(ipv6 ? "meta l4proto " : "ip protocol ").append(r.protocol()).append(' ');
                }
            }
            default -> throw new IllegalArgumentException("protocol " + r.protocol());
        }
        return s.append("return").toString();
    }

    /** The script that sets up the table and its hooks; every statement is a no-op when it exists. */
    static String baseScript() {
        return "add table " + OLD_IPV4_TABLE + "\n"
                + "delete table " + OLD_IPV4_TABLE + "\n"
                + "add table " + T + "\n"
                + "add map " + T + " to_guest { type ipv4_addr : verdict; }\n"
                + "add map " + T + " from_guest { type ipv4_addr : verdict; }\n"
                + "add map " + T + " to_guest6 { type ipv6_addr : verdict; }\n"
                + "add map " + T + " from_guest6 { type ipv6_addr : verdict; }\n"
                + "add chain " + T + " forward { type filter hook forward priority 0; policy accept; }\n"
                + "add chain " + T + " output { type filter hook output priority 0; policy accept; }\n"
                + "add chain " + T + " input { type filter hook input priority 0; policy accept; }\n"
                + "flush chain " + T + " forward\n"
                + "flush chain " + T + " output\n"
                + "flush chain " + T + " input\n"
                // routed and bridged traffic (forward), the host's own (output / input)
                + rules("forward") + rules("output") + rules("input");
    }

    private static String rules(String chain) {
        StringBuilder s = new StringBuilder();
        for (String rule : baseRules(chain)) {
            s.append("add rule ").append(T).append(' ').append(chain).append(' ').append(rule).append('\n');
        }
        return s.toString();
    }

    /** The base chains as nft prints them, to see whether someone flushed them. */
    static List<String> baseRules(String chain) {
        String toGuest = "ip daddr vmap @to_guest";
        String toGuest6 = "ip6 daddr " + PREFIX64 + " vmap @to_guest6";
        String fromGuest = "ip saddr vmap @from_guest";
        String fromGuest6 = "ip6 saddr " + PREFIX64 + " vmap @from_guest6";
        return switch (chain) {
            case "forward" -> List.of(toGuest, fromGuest, toGuest6, fromGuest6);
            case "output" -> List.of(toGuest, toGuest6);
            case "input" -> List.of(fromGuest, fromGuest6);
            default -> throw new IllegalArgumentException(chain);
        };
    }

    /**
     * Replaces the guest's two chains in one nft transaction: no moment with half the rules.
     * {@code ipv6Net} (the /64's address, e.g. "fd76:a82:0:1::", or null) is led to the same
     * chains; {@code ipv6Mapped} says the map holds that /64 already, perhaps for an earlier
     * owner's chains, so it is replaced rather than added (adding a key with another verdict fails).
     */
    static String guestScript(String ipv4, String ipv6Net, boolean ipv6Mapped, List<String> in, List<String> out) {
        String inChain = inChain(ipv4);
        String outChain = outChain(ipv4);
        StringBuilder s = new StringBuilder();
        s.append("add chain ").append(T).append(' ').append(inChain).append('\n');
        s.append("add chain ").append(T).append(' ').append(outChain).append('\n');
        s.append("flush chain ").append(T).append(' ').append(inChain).append('\n');
        s.append("flush chain ").append(T).append(' ').append(outChain).append('\n');
        for (String rule : in) {
            s.append("add rule ").append(T).append(' ').append(inChain).append(' ').append(rule).append('\n');
        }
        for (String rule : out) {
            s.append("add rule ").append(T).append(' ').append(outChain).append(' ').append(rule).append('\n');
        }
        // the same verdict for the same IPv4 address every time: adding it again changes nothing
        s.append(element("to_guest", ipv4, inChain)).append(element("from_guest", ipv4, outChain));
        if (ipv6Net != null) {
            if (ipv6Mapped) {
                s.append("delete element ").append(T).append(" to_guest6 { ").append(ipv6Net).append(" }\n");
                s.append("delete element ").append(T).append(" from_guest6 { ").append(ipv6Net).append(" }\n");
            }
            s.append(element("to_guest6", ipv6Net, inChain)).append(element("from_guest6", ipv6Net, outChain));
        }
        return s.toString();
    }

    /** How a map element reads in nft's listing, for {@link GuestFirewalls.Snapshot} to look for. */
    static String mapping(String key, String chain) {
        return key + " : jump " + chain;
    }

    private static String element(String map, String key, String chain) {
        return "add element " + T + " " + map + " { " + mapping(key, chain) + " }\n";
    }

    private static String checked(String ipv4) {
        if (ipv4 == null || !IPV4.matcher(ipv4).matches()) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
        }
        return ipv4;
    }
}
