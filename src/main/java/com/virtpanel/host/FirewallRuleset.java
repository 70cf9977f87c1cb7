package com.virtpanel.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The nftables text for one guest's firewall: two chains named after its address, in the
 * form {@code nft list chain} prints them, so the reconciler can compare what the kernel holds
 * with what it should hold line by line.
 *
 * <p>Rules end in {@code return}, not {@code accept}: the base chains look at both the
 * destination (the receiving guest's inbound chain) and the source (the sending guest's
 * outbound chain) of a packet between two guests, and an accept would end the first look.
 */
final class FirewallRuleset {

    static final String TABLE = "virtpanel_fw";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

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
     * firewalls). Else replies to what passed, the accept rules, and a drop of the rest.
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
        for (FirewallRuleSpec r : rules) {
            lines.add(line(r, peer));
        }
        lines.add("drop");
        return lines;
    }

    private static String line(FirewallRuleSpec r, String peer) {
        StringBuilder s = new StringBuilder();
        if (!"0.0.0.0/0".equals(r.cidr())) {
            // nft prints a single address without its /32
            s.append("ip ").append(peer).append(' ').append(r.cidr().endsWith("/32")
                    ? r.cidr().substring(0, r.cidr().length() - 3) : r.cidr()).append(' ');
        }
        switch (r.protocol()) {
            case "icmp" -> s.append("ip protocol icmp ");
            case "tcp", "udp" -> {
                if (r.portFrom() > 0) {
                    s.append(r.protocol()).append(" dport ").append(r.portFrom());
                    if (r.portTo() != r.portFrom()) {
                        s.append('-').append(r.portTo());
                    }
                    s.append(' ');
                } else {
                    s.append("ip protocol ").append(r.protocol()).append(' ');
                }
            }
            default -> throw new IllegalArgumentException("protocol " + r.protocol());
        }
        return s.append("return").toString();
    }

    /** The script that sets up the table and its hooks; every statement is a no-op when it exists. */
    static String baseScript() {
        return "add table ip " + TABLE + "\n"
                + "add map ip " + TABLE + " to_guest { type ipv4_addr : verdict; }\n"
                + "add map ip " + TABLE + " from_guest { type ipv4_addr : verdict; }\n"
                + "add chain ip " + TABLE + " forward { type filter hook forward priority 0; policy accept; }\n"
                + "add chain ip " + TABLE + " output { type filter hook output priority 0; policy accept; }\n"
                + "add chain ip " + TABLE + " input { type filter hook input priority 0; policy accept; }\n"
                + "flush chain ip " + TABLE + " forward\n"
                + "flush chain ip " + TABLE + " output\n"
                + "flush chain ip " + TABLE + " input\n"
                // routed and bridged traffic (forward), the host's own (output / input)
                + "add rule ip " + TABLE + " forward ip daddr vmap @to_guest\n"
                + "add rule ip " + TABLE + " forward ip saddr vmap @from_guest\n"
                + "add rule ip " + TABLE + " output ip daddr vmap @to_guest\n"
                + "add rule ip " + TABLE + " input ip saddr vmap @from_guest\n";
    }

    /** The base chains as nft prints them, to see whether someone flushed them. */
    static List<String> baseRules(String chain) {
        return switch (chain) {
            case "forward" -> List.of("ip daddr vmap @to_guest", "ip saddr vmap @from_guest");
            case "output" -> List.of("ip daddr vmap @to_guest");
            case "input" -> List.of("ip saddr vmap @from_guest");
            default -> throw new IllegalArgumentException(chain);
        };
    }

    /** Replaces the guest's two chains in one nft transaction: no moment with half the rules. */
    static String guestScript(String ipv4, List<String> in, List<String> out) {
        String inChain = inChain(ipv4);
        String outChain = outChain(ipv4);
        StringBuilder s = new StringBuilder();
        s.append("add chain ip ").append(TABLE).append(' ').append(inChain).append('\n');
        s.append("add chain ip ").append(TABLE).append(' ').append(outChain).append('\n');
        s.append("flush chain ip ").append(TABLE).append(' ').append(inChain).append('\n');
        s.append("flush chain ip ").append(TABLE).append(' ').append(outChain).append('\n');
        for (String rule : in) {
            s.append("add rule ip ").append(TABLE).append(' ').append(inChain).append(' ').append(rule).append('\n');
        }
        for (String rule : out) {
            s.append("add rule ip ").append(TABLE).append(' ').append(outChain).append(' ').append(rule).append('\n');
        }
        // the same verdict for the same address every time: adding it again changes nothing
        s.append("add element ip ").append(TABLE).append(" to_guest { ").append(ipv4).append(" : jump ").append(inChain).append(" }\n");
        s.append("add element ip ").append(TABLE).append(" from_guest { ").append(ipv4).append(" : jump ").append(outChain).append(" }\n");
        return s.toString();
    }

    private static String checked(String ipv4) {
        if (ipv4 == null || !IPV4.matcher(ipv4).matches()) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
        }
        return ipv4;
    }
}
