package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.host.HostProperties;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff's address pool calls over real HTTP: the panel's network has its IPv4 and IPv6 pools
 * from the configuration; bad input is a 400 naming the field and stores nothing; customers get
 * 403; ten simultaneous creations of overlapping ranges create exactly one pool; changes are audited.
 */
@IntegrationTest
class AddressPoolApiIT {

    static final String POOLS = "/api/v1/admin/pools";

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate db;
    @Autowired HostProperties host;

    HttpApi api;
    String admin;
    String customer;

    @BeforeEach
    void tokens() {
        api = new HttpApi(port);
        admin = Users.as(users.admin(), () -> tokens.createPersonal("pools", null)).token();
        customer = tokens.issueSessionToken(users.newCustomer().id()).token();
    }

    @Test
    void thePanelsNetworkHasItsPoolsFromTheConfiguration() {
        var reply = api.get(POOLS, admin);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode v4 = pool(reply.json(), host.network().name(), 4);
        JsonNode v6 = pool(reply.json(), host.network().name(), 6);
        var plan = com.virtpanel.host.AddressPlan.of(host.network().cidr());
        assertThat(v4.get("cidr").asText()).isEqualTo(plan.network() + "/" + plan.prefix());
        assertThat(v4.get("gateway").asText()).isEqualTo(plan.gateway());
        assertThat(v4.get("size").asLong()).as("the addresses orders handed out before pools").isEqualTo(plan.size());
        assertThat(v4.get("used").asLong() + v4.get("cooling_down").asLong() + v4.get("free").asLong()).isEqualTo(plan.size());
        assertThat(first48Bits(v6.get("cidr").asText())).isEqualTo(first48Bits(host.network().ipv6().prefix48()));
        assertThat(v6.get("cidr").asText()).endsWith("/48");
        assertThat(v6.get("size").asLong()).isEqualTo(65535);
        assertThat(api.get(POOLS, customer).status()).as("customers").isEqualTo(403);
        assertThat(api.post(POOLS, customer, create(4, "x", "100.64.0.0/24", "", "")).status()).isEqualTo(403);
    }

    @Test
    void badInputIsAFieldErrorAndChangesNothing() {
        String net = "pooltest-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String cidr = "100." + (64 + ThreadLocalRandom.current().nextInt(64)) + "." + ThreadLocalRandom.current().nextInt(256) + ".0/24";
        String base = cidr.substring(0, cidr.lastIndexOf(".0/24"));
        int before = api.get(POOLS, admin).json().size();
        assertField(api.post(POOLS, admin, create(4, net, "100.64.1.0/33", "", "")), "cidr");
        assertField(api.post(POOLS, admin, create(4, net, "fd00:5::/48", "", "")), "cidr");
        assertField(api.post(POOLS, admin, create(6, net, "fd00:5::/64", "", "")), "cidr");
        assertField(api.post(POOLS, admin, create(4, net, cidr, base + ".0", "")), "gateway");
        assertField(api.post(POOLS, admin, create(4, net, cidr, "100.1.2.3", "")), "gateway");
        assertField(api.post(POOLS, admin, create(4, net, cidr, "", base + ".250, 100.1.2.3")), "reserved");
        assertField(api.post(POOLS, admin, create(4, "no spaces", cidr, "", "")), "network");
        assertField(api.post(POOLS, admin, create(4, net, host.network().cidr(), "", "")), "cidr");
        assertField(api.post(POOLS, admin, create(6, net, host.network().ipv6().prefix48(), "", "")), "cidr");
        assertThat(api.post(POOLS, admin, "{\"family\":4,\"network\":\"x\",\"cidr\":\"10.0.0.0/24\",\"colour\":1}").status())
                .as("unknown fields").isEqualTo(400);
        assertThat(api.get(POOLS, admin).json()).as("nothing stored").hasSize(before);

        var created = api.post(POOLS, admin, create(4, net, cidr, "", base + ".2-" + base + ".9"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.headers().get("location")).endsWith(POOLS + "/" + id);
        assertThat(created.json().get("gateway").asText()).isEqualTo(base + ".1");
        assertThat(created.json().get("size").asLong()).isEqualTo(253 - 8);

        assertField(api.put(POOLS + "/" + id, admin, change(cidr, "", base + ".300")), "reserved");
        assertThat(api.get(POOLS, admin).json().toString()).contains(base + ".2-" + base + ".9");
        var changed = api.put(POOLS + "/" + id, admin, change(cidr, base + ".254", base + ".2-" + base + ".99"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("free").asLong()).isEqualTo(253 - 98);
        assertThat(api.put(POOLS + "/987654321", admin, change(cidr, "", "")).status()).isEqualTo(404);
        assertThat(api.put(POOLS + "/" + id, customer, change(cidr, "", "")).status()).isEqualTo(403);

        assertThat(db.queryForList("select action from audit_event where target = ?", String.class, cidr))
                .containsExactlyInAnyOrder("network.pool-added", "network.pool-changed");
    }

    @Test
    void tenSimultaneousCreationsOfOverlappingRangesCreateOnePool() {
        tenSimultaneousCreationsOfOverlappingRangesCreateOnePool(api, admin);
    }

    /** Shared with {@link AddressPoolPostgresIT}: the lock row must hold on both databases. */
    static void tenSimultaneousCreationsOfOverlappingRangesCreateOnePool(HttpApi api, String admin) {
        int second = 64 + ThreadLocalRandom.current().nextInt(64);
        int third = ThreadLocalRandom.current().nextInt(25) * 10;
        List<MockApi.Reply> replies = Together.run(10, i -> api.post(POOLS, admin,
                // /24s and /23s around the same addresses: every pair overlaps
                create(4, "burst-" + i, "100." + second + "." + third + ".0/" + (i % 2 == 0 ? 24 : 23), "", "")));
        assertThat(replies.stream().filter(r -> r.status() == 201).count()).as(replies.toString()).isEqualTo(1);
        assertThat(replies.stream().filter(r -> r.status() == 400).count()).as(replies.toString()).isEqualTo(9);
        assertThat(replies.stream().filter(r -> r.status() == 400).allMatch(r -> "cidr".equals(r.json().get("field").asText()))).isTrue();
        long matching = 0;
        for (JsonNode p : api.get(POOLS, admin).json()) {
            if (p.get("cidr").asText().startsWith("100." + second + "." + third + ".")) {
                matching++;
            }
        }
        assertThat(matching).isEqualTo(1);
    }

    static JsonNode pool(JsonNode pools, String network, int family) {
        for (JsonNode p : pools) {
            if (p.get("network").asText().equals(network) && p.get("family").asInt() == family) {
                return p;
            }
        }
        throw new AssertionError("no IPv" + family + " pool for " + network + " in " + pools);
    }

    /** The first 48 bits of an IPv6 address or prefix, whatever its spelling ("fd76:a86:0::/48", "fd76:a86::1"). */
    static String first48Bits(String ipv6) {
        try {
            byte[] b = java.net.InetAddress.getByName(ipv6.replaceAll("/\\d+$", "")).getAddress();
            return java.util.HexFormat.of().formatHex(b, 0, 6);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(ipv6, e);
        }
    }

    static String create(int family, String network, String cidr, String gateway, String reserved) {
        Map<String, Object> body = new HashMap<>(Map.of("family", family, "network", network, "cidr", cidr));
        body.put("gateway", gateway);
        body.put("reserved", reserved);
        return MockApi.json(body);
    }

    static String change(String cidr, String gateway, String reserved) {
        return MockApi.json(Map.of("cidr", cidr, "gateway", gateway, "reserved", reserved));
    }

    private static void assertField(MockApi.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).as(reply.toString()).isEqualTo(field);
    }
}
