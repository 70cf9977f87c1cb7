package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.network.FirewallInfo;
import com.virtpanel.network.FirewallRule;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request and response bodies of the firewall calls. */
final class FirewallBodies {

    private FirewallBodies() {
    }

    record Rule(@Schema(allowableValues = {"in", "out"}) String direction,
            @Schema(allowableValues = {"tcp", "udp", "icmp"}) String protocol,
            @Schema(description = "\"22\" or \"8000-8100\"; null for every port (always null for icmp)") String port,
            @Schema(description = "IPv4 or IPv6 networks (\"0.0.0.0/0\", \"::/0\" for everyone): sources of inbound, destinations of outbound")
            List<String> cidrs) implements ApiRequest {

        FirewallRule toRule() {
            return new FirewallRule(direction, protocol, port, cidrs);
        }

        static Rule of(FirewallRule r) {
            return new Rule(r.direction(), r.protocol(), r.port(), r.cidrs());
        }
    }

    record Write(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, List<Rule> rules) implements ApiRequest {

        List<FirewallRule> toRules() {
            return rules == null ? List.of() : rules.stream().map(r -> r == null ? null : r.toRule()).toList();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AttachServer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long serverId) implements ApiRequest {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Server(long id, String name, @Schema(allowableValues = {"applied", "pending"}) String status) {
    }

    record Firewall(long id, String name, List<Rule> rules, List<Server> servers) {

        static Firewall of(FirewallInfo f) {
            return new Firewall(f.id(), f.name(), f.rules().stream().map(Rule::of).toList(),
                    f.servers().stream().map(s -> new Server(s.serverId(), s.serverName(), s.status())).toList());
        }
    }
}
