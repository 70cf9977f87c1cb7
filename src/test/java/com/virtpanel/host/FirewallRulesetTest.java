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
                FirewallRuleset.NEIGHBOUR_DISCOVERY,
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
        assertThat(FirewallRuleset.outbound(out, true)).containsExactly("ct state established,related return",
                FirewallRuleset.NEIGHBOUR_DISCOVERY, "ip daddr 192.0.2.53 udp dport 53 return", "drop");
        assertThat(FirewallRuleset.inbound(out, true)).containsExactly("ct state established,related return",
                FirewallRuleset.NEIGHBOUR_DISCOVERY, "drop");
    }

    @Test
    void aRulesNetworkSaysItsFamily() {
        var rules = List.of(
                new FirewallRuleSpec(true, "tcp", 22, 22, "0.0.0.0/0"),
                new FirewallRuleSpec(true, "tcp", 22, 22, "::/0"),
                new FirewallRuleSpec(true, "udp", 0, 0, "::/0"),
                new FirewallRuleSpec(true, "icmp", 0, 0, "::/0"),
                new FirewallRuleSpec(true, "tcp", 80, 90, "2001:db8::/32"),
                new FirewallRuleSpec(true, "udp", 53, 53, "2001:db8::1/128"));
        assertThat(FirewallRuleset.inbound(rules, true)).containsExactly(
                "ct state established,related return",
                FirewallRuleset.NEIGHBOUR_DISCOVERY,
                "meta nfproto ipv4 tcp dport 22 return",
                "meta nfproto ipv6 tcp dport 22 return",
                "meta nfproto ipv6 meta l4proto udp return",
                "meta l4proto ipv6-icmp return",
                "ip6 saddr 2001:db8::/32 tcp dport 80-90 return",
                "ip6 saddr 2001:db8::1 udp dport 53 return",
                "drop");
    }

    /**
     * The kernel's own word: the scripts loaded by this machine's nft in a network namespace of
     * the test's own, and its listing read back, hold every kind of rule as written. A rule
     * nft prints differently from how it was written would otherwise be "repaired" every pass.
     */
    @Test
    void nftPrintsEveryRuleAsItIsWritten() throws Exception {
        var rules = new java.util.ArrayList<>(RULES);
        for (String cidr : List.of("0.0.0.0/0", "::/0", "2001:db8::/32", "2001:db8::7/128", "198.51.100.0/24")) {
            rules.add(new FirewallRuleSpec(true, "tcp", 22, 22, cidr));
            rules.add(new FirewallRuleSpec(true, "udp", 0, 0, cidr));
            rules.add(new FirewallRuleSpec(true, "icmp", 0, 0, cidr));
            rules.add(new FirewallRuleSpec(false, "tcp", 443, 443, cidr));
            rules.add(new FirewallRuleSpec(false, "udp", 5000, 5100, cidr));
        }
        String script = FirewallRuleset.baseScript()
                + FirewallRuleset.guestScript("10.0.0.5", "fd76:a82:0:1::", false,
                        FirewallRuleset.inbound(rules, true), FirewallRuleset.outbound(rules, true))
                // the /64 handed to another server later: its entry is replaced, not added twice
                + FirewallRuleset.guestScript("10.0.0.6", "fd76:a82:0:2::", false, List.of(), List.of())
                + FirewallRuleset.guestScript("10.0.0.7", "fd76:a82:0:2::", true, List.of(), List.of());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("virtpanel-fw-test", ".nft");
        try {
            java.nio.file.Files.writeString(file, script);
            var listed = HostCommand.run(java.time.Duration.ofSeconds(30), List.of("unshare", "--net", "sh", "-c",
                    "nft -f " + file + " && nft list table inet " + FirewallRuleset.TABLE));
            assertThat(listed.ok()).as(listed.output()).isTrue();
            var snapshot = GuestFirewalls.Snapshot.of(listed.output());
            assertThat(snapshot.holds("10.0.0.5", "fd76:a82:0:1::", rules, true)).as(listed.output()).isTrue();
            assertThat(snapshot.holds("10.0.0.7", "fd76:a82:0:2::", List.of(), true)).as(listed.output()).isFalse();
            assertThat(snapshot.maps("fd76:a82:0:2::")).isTrue();
            assertThat(listed.output()).contains("fd76:a82:0:2:: : jump in_10_0_0_7").doesNotContain("fd76:a82:0:2:: : jump in_10_0_0_6");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void aSnapshotKnowsWhetherAGuestHoldsItsRules() {
        String listed = """
                table inet virtpanel_fw {
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
                		ip6 daddr & ffff:ffff:ffff:ffff:: vmap @to_guest6
                		ip6 saddr & ffff:ffff:ffff:ffff:: vmap @from_guest6
                	}
                	chain output {
                		type filter hook output priority filter; policy accept;
                		ip daddr vmap @to_guest
                		ip6 daddr & ffff:ffff:ffff:ffff:: vmap @to_guest6
                	}
                	chain input {
                		type filter hook input priority filter; policy accept;
                		ip saddr vmap @from_guest
                		ip6 saddr & ffff:ffff:ffff:ffff:: vmap @from_guest6
                	}
                	chain in_10_0_0_5 {
                		ct state established,related return
                		icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } return
                		ip saddr 203.0.113.7 tcp dport 22 return
                		drop
                	}
                	chain out_10_0_0_5 {
                	}
                }
                """;
        var snapshot = GuestFirewalls.Snapshot.of(listed);
        var ssh = List.of(new FirewallRuleSpec(true, "tcp", 22, 22, "203.0.113.7/32"));
        assertThat(snapshot.holds("10.0.0.5", null, ssh, true)).isTrue();
        assertThat(snapshot.holds("10.0.0.5", null, List.of(), true)).isFalse();
        assertThat(snapshot.holds("10.0.0.5", null, ssh, false)).isFalse();
        assertThat(snapshot.holds("10.0.0.6", null, List.of(), false)).as("an open guest needs no chains").isTrue();
        assertThat(snapshot.holds("10.0.0.6", null, ssh, true)).isFalse();
        assertThat(GuestFirewalls.Snapshot.of(listed.replace("ip daddr vmap @to_guest\n\t\tip saddr", "ip saddr"))
                .holds("10.0.0.5", null, ssh, true)).as("a flushed hook").isFalse();
        assertThat(snapshot.holds("10.0.0.5", "fd76:a82:0:1::", ssh, true)).as("its /64 not led to its chains").isFalse();
    }
}
