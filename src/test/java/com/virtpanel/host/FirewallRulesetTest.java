package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallRulesetTest {

    static final List<FirewallRuleSpec> RULES = List.of(
            new FirewallRuleSpec(true, "tcp", 22, 22, "203.0.113.7/32"),
            new FirewallRuleSpec(true, "udp", 8000, 8100, "10.0.0.0/8"),
            new FirewallRuleSpec(true, "icmp", 0, 0, "0.0.0.0/0"),
            new FirewallRuleSpec(true, "tcp", 0, 0, "192.0.2.0/24"));

    @Test
    void inboundIsStatefulAndDropsWhatNoRuleAccepts() {
        assertThat(FirewallRuleset.inbound(RULES, true)).containsExactly(
                "ct state established,related return",
                "ip saddr 203.0.113.7 tcp dport 22 return",
                "ip saddr 10.0.0.0/8 udp dport 8000-8100 return",
                "ip protocol icmp return",
                "ip saddr 192.0.2.0/24 ip protocol tcp return",
                "drop");
        assertThat(FirewallRuleset.outbound(RULES, true)).as("no outbound rules: open").isEmpty();
        assertThat(FirewallRuleset.inbound(RULES, false)).as("no firewall attached: open").isEmpty();
    }

    @Test
    void outboundRulesCloseOutbound() {
        var out = List.of(new FirewallRuleSpec(false, "udp", 53, 53, "192.0.2.53/32"));
        assertThat(FirewallRuleset.outbound(out, true)).containsExactly(
                "ct state established,related return", "ip daddr 192.0.2.53 udp dport 53 return", "drop");
        assertThat(FirewallRuleset.inbound(out, true)).containsExactly("ct state established,related return", "drop");
    }

    @Test
    void aSnapshotKnowsWhetherAGuestHoldsItsRules() {
        String listed = """
                table ip virtpanel_fw {
                	map to_guest {
                		type ipv4_addr : verdict
                		elements = { 10.0.0.5 : jump in_10_0_0_5 }
                	}
                	map from_guest {
                		type ipv4_addr : verdict
                		elements = { 10.0.0.5 : jump out_10_0_0_5 }
                	}
                	chain forward {
                		type filter hook forward priority filter; policy accept;
                		ip daddr vmap @to_guest
                		ip saddr vmap @from_guest
                	}
                	chain output {
                		type filter hook output priority filter; policy accept;
                		ip daddr vmap @to_guest
                	}
                	chain input {
                		type filter hook input priority filter; policy accept;
                		ip saddr vmap @from_guest
                	}
                	chain in_10_0_0_5 {
                		ct state established,related return
                		ip saddr 203.0.113.7 tcp dport 22 return
                		drop
                	}
                	chain out_10_0_0_5 {
                	}
                }
                """;
        var snapshot = GuestFirewalls.Snapshot.of(listed);
        var ssh = List.of(new FirewallRuleSpec(true, "tcp", 22, 22, "203.0.113.7/32"));
        assertThat(snapshot.holds("10.0.0.5", ssh, true)).isTrue();
        assertThat(snapshot.holds("10.0.0.5", List.of(), true)).isFalse();
        assertThat(snapshot.holds("10.0.0.5", ssh, false)).isFalse();
        assertThat(snapshot.holds("10.0.0.6", List.of(), false)).as("an open guest needs no chains").isTrue();
        assertThat(snapshot.holds("10.0.0.6", ssh, true)).isFalse();
        assertThat(GuestFirewalls.Snapshot.of(listed.replace("ip daddr vmap @to_guest\n\t\tip saddr", "ip saddr"))
                .holds("10.0.0.5", ssh, true)).as("a flushed hook").isFalse();
    }
}
