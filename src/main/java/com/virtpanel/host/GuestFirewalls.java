package com.virtpanel.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Customer firewalls on the host: an nftables table of the panel's own ({@code inet virtpanel_fw})
 * with an inbound and an outbound chain per guest, reached from its IPv4 address and from its
 * IPv6 /64, stateful through conntrack.
 *
 * <p>Why nftables on the guest's address and not libvirt's nwfilter: nwfilter's stateful
 * (iptables) rules match only bridged traffic ({@code --physdev-is-bridged}), so traffic the
 * host itself sends or routes to a guest (the internet's, through the host) would pass
 * unfiltered. The table's hooks see all three paths: routed and bridged traffic in
 * {@code forward} (bridged through br_netfilter), the host's own in {@code output}/{@code input}.
 * Matching on the address is sound because the anti-spoofing filter ({@link GuestFilter}) keeps
 * every guest to its own IPv4 address and /64. The kernel keeps the table across guest restarts; a host
 * reboot or someone's flush is repaired by the network module's reconciler.
 */
@Component
public class GuestFirewalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String[] BASE_CHAINS = {"forward", "output", "input"};

    /**
     * Puts the guest at {@code ipv4} and in the /64 {@code ipv6Net} ("fd76:a82:0:1::", or null
     * for none) under {@code rules}; {@code attached} false opens it (no firewall).
     */
    public void apply(String ipv4, String ipv6Net, List<FirewallRuleSpec> rules, boolean attached) {
        Snapshot current = ensureBase();
        nft(FirewallRuleset.guestScript(ipv4, ipv6Net, ipv6Net != null && current.maps(ipv6Net),
                FirewallRuleset.inbound(rules, attached), FirewallRuleset.outbound(rules, attached)));
    }

    /** The panel's whole table as the kernel holds it now, read once for a reconcile pass. */
    public Snapshot snapshot() {
        if (!HostCommand.onPath("nft")) {
            return Snapshot.of(null); // no nft, no table: servers without firewalls are in order all the same
        }
        return Snapshot.of(run(List.of("nft", "list", "table", "inet", FirewallRuleset.TABLE)));
    }

    /** Lays the table and its hooks when they are missing; the table as it is then. */
    private synchronized Snapshot ensureBase() {
        Snapshot current = snapshot();
        if (current.baseInPlace()) {
            return current;
        }
        nft(FirewallRuleset.baseScript());
        return snapshot();
    }

    /** The table's chains (rule lines as nft prints them) and its text, or nothing when it is missing. */
    public static final class Snapshot {

        private final Map<String, List<String>> chains;
        private final String text;

        private Snapshot(Map<String, List<String>> chains, String text) {
            this.chains = chains;
            this.text = text;
        }

        static Snapshot of(String listed) {
            Map<String, List<String>> chains = new HashMap<>();
            if (listed != null) {
                List<String> current = null;
                for (String line : listed.split("\n")) {
                    String t = line.strip();
                    if (t.startsWith("chain ") && t.endsWith("{")) {
                        current = new ArrayList<>();
                        chains.put(t.substring(6, t.length() - 1).strip(), current);
                    } else if (t.equals("}")) {
                        current = null;
                    } else if (current != null && !t.isEmpty() && !t.startsWith("type ")) {
                        current.add(t);
                    }
                }
            }
            return new Snapshot(chains, listed == null ? "" : listed);
        }

        boolean baseInPlace() {
            for (String chain : BASE_CHAINS) {
                if (!FirewallRuleset.baseRules(chain).equals(chains.get(chain))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the /64 at {@code ipv6Net} leads to some guest's chains. */
        boolean maps(String ipv6Net) {
            return text.contains(ipv6Net + " : jump ");
        }

        /** Whether the guest at {@code ipv4} (and {@code ipv6Net}, when not null) is under exactly these rules. */
        public boolean holds(String ipv4, String ipv6Net, List<FirewallRuleSpec> rules, boolean attached) {
            List<String> in = chains.get(FirewallRuleset.inChain(ipv4));
            List<String> out = chains.get(FirewallRuleset.outChain(ipv4));
            if (!attached && in == null && out == null) {
                return true; // an unfiltered guest needs no chains
            }
            return baseInPlace() && FirewallRuleset.inbound(rules, attached).equals(in)
                    && FirewallRuleset.outbound(rules, attached).equals(out)
                    && leadsTo(ipv4, ipv4) && (ipv6Net == null || leadsTo(ipv6Net, ipv4));
        }

        private boolean leadsTo(String key, String ipv4) {
            return text.contains(FirewallRuleset.mapping(key, FirewallRuleset.inChain(ipv4)))
                    && text.contains(FirewallRuleset.mapping(key, FirewallRuleset.outChain(ipv4)));
        }
    }

    /** nft's output, or null when it refused (no such table or chain). */
    private static String run(List<String> command) {
        requireNft();
        try {
            HostCommand.Result r = HostCommand.run(TIMEOUT, command);
            return r.ok() ? r.output() : null;
        } catch (IOException e) {
            throw failure("nft: " + e.getMessage(), e);
        }
    }

    private static void nft(String script) {
        requireNft();
        Path file = null;
        try {
            file = Files.createTempFile("virtpanel-fw", ".nft");
            Files.writeString(file, script);
            HostCommand.check(TIMEOUT, List.of("nft", "-f", file.toString()));
        } catch (IOException e) {
            throw failure(e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static void requireNft() {
        if (!HostCommand.onPath("nft")) {
            throw failure("nft is not installed (Debian package nftables)", null);
        }
    }

    private static HostException failure(String detail, Throwable cause) {
        return new HostException(com.virtpanel.base.PanelException.Kind.UNAVAILABLE,
                com.virtpanel.base.UserMessage.of("error.host.firewall-failed"), detail, cause, true);
    }
}
