package com.virtpanel.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.host.FirewallRuleSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallRulesTest {

    static FirewallRule in(String protocol, String port, String... cidrs) {
        return new FirewallRule("in", protocol, port, Arrays.asList(cidrs));
    }

    @Test
    void rulesAreBroughtToOneForm() {
        List<StoredRule> rules = FirewallRules.parse(List.of(
                new FirewallRule(" IN ", "TCP", " 22 ", List.of("203.0.113.7", "10.0.0.0/8")),
                in("udp", "8000-8100", "0.0.0.0/0"),
                new FirewallRule("out", "icmp", null, List.of("192.0.2.0/24"))), 50);
        assertThat(rules).extracting(StoredRule::view).containsExactly(
                new FirewallRule("in", "tcp", "22", List.of("203.0.113.7/32", "10.0.0.0/8")),
                new FirewallRule("in", "udp", "8000-8100", List.of("0.0.0.0/0")),
                new FirewallRule("out", "icmp", null, List.of("192.0.2.0/24")));
        assertThat(FirewallRules.specs(rules)).containsExactly(
                new FirewallRuleSpec(true, "tcp", 22, 22, "203.0.113.7/32"),
                new FirewallRuleSpec(true, "tcp", 22, 22, "10.0.0.0/8"),
                new FirewallRuleSpec(true, "udp", 8000, 8100, "0.0.0.0/0"),
                new FirewallRuleSpec(false, "icmp", 0, 0, "192.0.2.0/24"));
    }

    @Test
    void badRulesAreRefusedWithTheFieldAtFault() {
        refused(List.of(in("tcp", "0", "0.0.0.0/0")), "rules[0].port");
        refused(List.of(in("tcp", "65536", "0.0.0.0/0")), "rules[0].port");
        refused(List.of(in("tcp", "100-10", "0.0.0.0/0")), "rules[0].port");
        refused(List.of(in("tcp", "22,80", "0.0.0.0/0")), "rules[0].port");
        refused(List.of(in("icmp", "22", "0.0.0.0/0")), "rules[0].port");
        refused(List.of(in("gre", null, "0.0.0.0/0")), "rules[0].protocol");
        refused(List.of(new FirewallRule("both", "tcp", "22", List.of("0.0.0.0/0"))), "rules[0].direction");
        refused(List.of(in("tcp", "22")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "10.0.0.1/24")), "rules[0].cidrs"); // host bits
        refused(List.of(in("tcp", "22", "10.0.0.256")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "10.0.0.0/33")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "010.0.0.0/8")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "2001:db8::1/32")), "rules[0].cidrs"); // host bits
        refused(List.of(in("tcp", "22", "2001:db8::/129")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "2001:db8:::1")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "2001::db8::1")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "1:2:3:4:5:6:7:8:9")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "2001:db8::g")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "fe80::1%eth0")), "rules[0].cidrs");
        refused(List.of(in("tcp", "22", "::/0", "2001:db8::/32")), "rules[0].cidrs"); // overlap inside a rule
        refused(List.of(in("tcp", "22", "10.0.0.0/8", "10.1.0.0/16")), "rules[0].cidrs"); // overlap inside a rule
        refused(List.of(in("tcp", "22", "1.2.3.4", "1.2.3.4")), "rules[0].cidrs"); // duplicate
        refused(List.of(in("tcp", "20-30", "10.0.0.0/8"), in("tcp", "25", "10.9.0.0/16")), "rules[1]"); // overlapping rules
        refused(Arrays.asList(in("tcp", "22", "0.0.0.0/0"), null), "rules[1]");
    }

    @Test
    void ipv6NetworksAreWrittenAsNftPrintsThem() {
        List<StoredRule> rules = FirewallRules.parse(List.of(
                in("tcp", "22", "::/0", "0.0.0.0/0"),
                in("udp", "53", "2001:0DB8:0000:0000:0000:0000:0000:0001", "fd00:0:0:1::/64", "2001:db8:0:0:1::/80"),
                in("icmp", null, "2001:db8:0:1:0:0:0:0/64")), 50);
        assertThat(rules).extracting(StoredRule::view).containsExactly(
                in("tcp", "22", "::/0", "0.0.0.0/0"),
                in("udp", "53", "2001:db8::1/128", "fd00:0:0:1::/64", "2001:db8:0:0:1::/80"),
                in("icmp", null, "2001:db8:0:1::/64"));
    }

    @Test
    void rulesThatDoNotShareEverythingDoNotOverlap() {
        assertThat(FirewallRules.parse(List.of(in("tcp", "22", "10.0.0.0/8"), in("udp", "22", "10.0.0.0/8"),
                in("tcp", "23", "10.0.0.0/8"), in("tcp", "22", "11.0.0.0/8"), in("tcp", "22", "::/0"),
                new FirewallRule("out", "tcp", "22", List.of("10.0.0.0/8"))), 50)).as("IPv4 and IPv6 networks never overlap").hasSize(6);
    }

    @Test
    void tooManyRulesAreRefused() {
        List<FirewallRule> rules = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            rules.add(in("tcp", String.valueOf(i), "0.0.0.0/0"));
        }
        assertThat(FirewallRules.parse(rules.subList(0, 50), 50)).hasSize(50);
        refused(rules, "rules");
    }

    @Test
    void namesAreRequiredAndShort() {
        assertThat(FirewallRules.name("  web  ")).isEqualTo("web");
        assertThatThrownBy(() -> FirewallRules.name(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FirewallRules.name("x".repeat(101))).isInstanceOf(InvalidInputException.class);
    }

    private static void refused(List<FirewallRule> rules, String field) {
        assertThatThrownBy(() -> FirewallRules.parse(rules, 50)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
