package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.ApiTokenService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The firewall calls over real HTTP, without a guest: bad input is a 400 naming the field and
 * changes nothing, someone else's firewall or server is 404, and the limit per account holds
 * when ten creates arrive at once.
 */
@IntegrationTest
class FirewallApiIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate db;

    HttpApi api;
    String owner;
    String stranger;

    @BeforeEach
    void customers() {
        api = new HttpApi(port);
        owner = tokens.issueSessionToken(users.newCustomer().id()).token();
        stranger = tokens.issueSessionToken(users.newCustomer().id()).token();
    }

    @Test
    void tenSimultaneousCreatesStopExactlyAtTheLimit() {
        tenSimultaneousCreatesStopExactlyAtTheLimit(api, owner, stranger);
    }

    /** Shared with {@link FirewallLimitsPostgresIT}: the lock row must hold on both databases. */
    static void tenSimultaneousCreatesStopExactlyAtTheLimit(HttpApi api, String owner, String stranger) {
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/firewalls", owner, body("early-" + i, rule("tcp", "22", "0.0.0.0/0"))).status())
                    .isEqualTo(201);
        }
        List<MockApi.Reply> replies = Together.run(10, i -> api.post("/api/v1/firewalls", owner,
                body("burst-" + i, rule("tcp", String.valueOf(1000 + i), "0.0.0.0/0"))));
        assertThat(replies.stream().filter(r -> r.status() == 201).count()).as(replies.toString()).isEqualTo(5);
        assertThat(replies.stream().filter(r -> r.status() == 409).count()).as(replies.toString()).isEqualTo(5);
        assertThat(replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow().json().get("detail").asText())
                .contains("10");
        assertThat(api.get("/api/v1/firewalls", owner).json()).hasSize(10);
        assertThat(api.get("/api/v1/firewalls", stranger).json()).isEmpty();
    }

    @Test
    void badInputIsAFieldErrorAndChangesNothing() {
        assertField(api.post("/api/v1/firewalls", owner, body("x", rule("tcp", "22", "10.0.0.0/8", "10.1.0.0/16"))), "rules[0].cidrs");
        assertField(api.post("/api/v1/firewalls", owner, body("x", rule("tcp", "22", "300.0.0.0/8"))), "rules[0].cidrs");
        assertField(api.post("/api/v1/firewalls", owner, body("x", rule("tcp", "0", "0.0.0.0/0"))), "rules[0].port");
        assertField(api.post("/api/v1/firewalls", owner, body("x", rule("icmp", "7", "0.0.0.0/0"))), "rules[0].port");
        assertField(api.post("/api/v1/firewalls", owner, body("", rule("tcp", "22", "0.0.0.0/0"))), "name");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            many.add(rule("tcp", String.valueOf(i), "0.0.0.0/0"));
        }
        assertField(api.post("/api/v1/firewalls", owner, MockApi.json(Map.of("name", "many", "rules", many))), "rules");
        assertThat(api.post("/api/v1/firewalls", owner, "{\"name\":\"x\",\"rules\":[],\"colour\":\"red\"}").status())
                .as("unknown fields").isEqualTo(400);
        assertThat(api.get("/api/v1/firewalls", owner).json()).as("nothing stored").isEmpty();

        var created = api.post("/api/v1/firewalls", owner, body("web", rule("tcp", "443", "0.0.0.0/0")));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("servers")).isEmpty();
        assertThat(created.headers().get("location")).endsWith("/api/v1/firewalls/" + id);

        // an invalid change leaves the firewall as it was
        assertField(put("/api/v1/firewalls/" + id, owner, body("web", rule("tcp", "443", "0.0.0.0/0"),
                rule("tcp", "400-500", "1.2.3.0/24"))), "rules[1]");
        assertThat(api.get("/api/v1/firewalls/" + id, owner).json().get("rules")).hasSize(1);
        var changed = put("/api/v1/firewalls/" + id, owner, body("web2", rule("tcp", "443", "0.0.0.0/0"), rule("udp", "53", "1.2.3.4")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("rules").get(1).get("cidrs").get(0).asText()).isEqualTo("1.2.3.4/32");

        // someone else's: 404 for every call; a server that is not the caller's: 404
        assertThat(api.get("/api/v1/firewalls/" + id, stranger).status()).isEqualTo(404);
        assertThat(put("/api/v1/firewalls/" + id, stranger, body("mine", rule("tcp", "1", "0.0.0.0/0"))).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/firewalls/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/firewalls/" + id + "/servers", stranger, "{\"server_id\":1}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/firewalls/" + id + "/servers", owner, "{\"server_id\":987654321}").status()).isEqualTo(404);
        assertField(api.post("/api/v1/firewalls/" + id + "/servers", owner, "{}"), "server_id");

        assertThat(db.queryForList("select action from audit_event where target in ('web', 'web2')", String.class))
                .contains("network.firewall-created", "network.firewall-changed");
        assertThat(api.delete("/api/v1/firewalls/" + id, owner).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/firewalls/" + id, owner).status()).isEqualTo(404);
    }

    private MockApi.Reply put(String path, String token, String json) {
        return api.send("PUT", path, token, HttpRequest.BodyPublishers.ofString(json), Map.of());
    }

    private static void assertField(MockApi.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).as(reply.toString()).isEqualTo(field);
    }

    static Map<String, Object> rule(String protocol, String port, String... cidrs) {
        Map<String, Object> rule = new HashMap<>(Map.of("direction", "in", "protocol", protocol, "cidrs", List.of(cidrs)));
        rule.put("port", port);
        return rule;
    }

    @SafeVarargs
    static String body(String name, Map<String, Object>... rules) {
        return MockApi.json(Map.of("name", name, "rules", List.of(rules)));
    }
}
