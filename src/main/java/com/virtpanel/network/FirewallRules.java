package com.virtpanel.network;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.host.FirewallRuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks customers' rules and brings them to one form: ports as numbers, CIDRs canonical.
 * Every refusal names the field ({@code rules[2].port}) so the page and the API can point at it;
 * nothing is stored unless every rule passes.
 */
final class FirewallRules {

    static final int MAX_CIDRS = 20;

    private FirewallRules() {
    }

    static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", UserMessage.of("error.firewall.name-required"));
        }
        if (n.length() > 100 || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", UserMessage.of("error.firewall.name-invalid"));
        }
        return n;
    }

    static List<StoredRule> parse(List<FirewallRule> rules, int maxRules) {
        if (rules == null) {
            return List.of();
        }
        if (rules.size() > maxRules) {
            throw new InvalidInputException("rules", UserMessage.of("error.firewall.too-many-rules", maxRules));
        }
        List<StoredRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            StoredRule rule = parse("rules[" + i + "]", rules.get(i));
            for (int j = 0; j < parsed.size(); j++) {
                if (overlap(parsed.get(j), rule)) {
                    throw new InvalidInputException("rules[" + i + "]", UserMessage.of("error.firewall.rule-overlaps", j + 1));
                }
            }
            parsed.add(rule);
        }
        return parsed;
    }

    private static StoredRule parse(String field, FirewallRule rule) {
        if (rule == null) {
            throw new InvalidInputException(field, UserMessage.of("error.firewall.rule-missing"));
        }
        String direction = lower(rule.direction());
        if (!"in".equals(direction) && !"out".equals(direction)) {
            throw new InvalidInputException(field + ".direction", UserMessage.of("error.firewall.direction-invalid"));
        }
        String protocol = lower(rule.protocol());
        if (!List.of("tcp", "udp", "icmp").contains(protocol)) {
            throw new InvalidInputException(field + ".protocol", UserMessage.of("error.firewall.protocol-invalid"));
        }
        int[] ports = ports(field + ".port", protocol, rule.port());
        List<String> cidrs = cidrs(field + ".cidrs", rule.cidrs());
        return new StoredRule(direction, protocol, ports[0], ports[1], cidrs);
    }

    private static int[] ports(String field, String protocol, String port) {
        if (port == null || port.isBlank()) {
            return new int[] {0, 0};
        }
        if ("icmp".equals(protocol)) {
            throw new InvalidInputException(field, UserMessage.of("error.firewall.icmp-no-port"));
        }
        String p = port.strip();
        int dash = p.indexOf('-');
        int lo = number(field, dash < 0 ? p : p.substring(0, dash));
        int hi = dash < 0 ? lo : number(field, p.substring(dash + 1));
        if (lo > hi) {
            throw new InvalidInputException(field, UserMessage.of("error.firewall.port-range-reversed"));
        }
        return new int[] {lo, hi};
    }

    private static int number(String field, String digits) {
        String d = digits.strip();
        if (!d.matches("\\d{1,5}") || Integer.parseInt(d) < 1 || Integer.parseInt(d) > 65535) {
            throw new InvalidInputException(field, UserMessage.of("error.firewall.port-invalid"));
        }
        return Integer.parseInt(d);
    }

    private static List<String> cidrs(String field, List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException(field, UserMessage.of("error.firewall.cidrs-required"));
        }
        if (given.size() > MAX_CIDRS) {
            throw new InvalidInputException(field, UserMessage.of("error.firewall.too-many-cidrs", MAX_CIDRS));
        }
        List<Cidr> parsed = new ArrayList<>();
        for (String text : given) {
            Cidr cidr = Cidr.parse(field, text);
            for (Cidr earlier : parsed) {
                if (earlier.overlaps(cidr)) {
                    throw new InvalidInputException(field, UserMessage.of("error.firewall.cidrs-overlap", earlier, cidr));
                }
            }
            parsed.add(cidr);
        }
        return parsed.stream().map(Cidr::toString).toList();
    }

    /** Same direction and protocol, shared ports and shared peers: one of the two says nothing. */
    private static boolean overlap(StoredRule a, StoredRule b) {
        if (!a.direction().equals(b.direction()) || !a.protocol().equals(b.protocol())) {
            return false;
        }
        boolean allA = a.portFrom() == 0;
        boolean allB = b.portFrom() == 0;
        boolean portsShared = allA || allB || (a.portFrom() <= b.portTo() && b.portFrom() <= a.portTo());
        if (!portsShared) {
            return false;
        }
        for (String x : a.cidrList()) {
            for (String y : b.cidrList()) {
                if (Cidr.parse("", x).overlaps(Cidr.parse("", y))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The host's form of the stored rules: one accept rule per peer network. */
    static List<FirewallRuleSpec> specs(List<StoredRule> rules) {
        List<FirewallRuleSpec> specs = new ArrayList<>();
        for (StoredRule r : rules) {
            for (String cidr : r.cidrList()) {
                specs.add(new FirewallRuleSpec("in".equals(r.direction()), r.protocol(), r.portFrom(), r.portTo(), cidr));
            }
        }
        return specs;
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
