package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.host.AddressPlan;
import com.virtpanel.host.HostProperties;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pools on a real guest: staff reserve a range covering the next free addresses of the
 * panel network's IPv4 pool; an order gets an address past it and its /64 from the IPv6 pool
 * (staff see which host it is on, its owner does not),
 * and the guest answers ping on both from the host. Reserving the address it holds is refused.
 * Deleted, its address cools down: the next order skips it although it is the lowest one free.
 * One guest; traffic only between this machine and its own guest, bounded.
 */
@IntegrationTest
@DemoGuests
class AddressPoolOnRealGuestIT {

    static final String POOLS = AddressPoolApiIT.POOLS;

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate jdbc;
    @Autowired HostProperties host;
    @Autowired Guests guests;

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void anOrderSkipsTheReservedRangeAndTheGuestHoldsItsPoolAddresses() {
        var api = new HttpApi(port);
        String admin = Users.as(users.admin(), () -> tokens.createPersonal("pools-it", null)).token();
        var customer = users.newCustomer();
        String owner = tokens.issueSessionToken(customer.id()).token();
        String network = host.network().name();
        JsonNode v4 = AddressPoolApiIT.pool(api.get(POOLS, admin).json(), network, 4);
        JsonNode v6 = AddressPoolApiIT.pool(api.get(POOLS, admin).json(), network, 6);
        long poolId = v4.get("id").asLong();
        String reservedBefore = v4.get("reserved").asText();

        // the next free addresses: the lowest ones past the reserved .2-.9 that nobody holds or rests on
        Set<String> taken = new HashSet<>();
        v4.get("holders").forEach(h -> taken.add(h.get("address").asText()));
        AddressPlan plan = AddressPlan.of(host.network().cidr());
        List<String> next = plan.all().stream().filter(a -> !taken.contains(a)).limit(6).toList();
        String reservation = next.get(0) + "-" + next.get(4);
        var reserved = api.put(POOLS + "/" + poolId, admin, AddressPoolApiIT.change(v4.get("cidr").asText(), v4.get("gateway").asText(),
                reservedBefore + ", " + reservation));
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(200);

        try {
            var ordered = api.post("/api/v1/servers", owner, MockApi.json(Map.of("name", "pool-guest", "plan", "nano",
                    "image", "demo", "ssh_keys", List.of(TestKeys.ED25519))));
            assertThat(ordered.status()).as(ordered.toString()).isEqualTo(202);
            long serverId = ordered.json().get("id").asLong();
            String address = ordered.json().get("ipv4").asText();
            String address6 = ordered.json().get("ipv6").asText();
            assertThat(next.subList(0, 5)).as("the reserved range").doesNotContain(address);
            long last = toLong(next.get(4));
            assertThat(toLong(address)).as("past the reserved range").isGreaterThan(last);
            assertThat(AddressPoolApiIT.first48Bits(address6)).as("a /64 of the IPv6 pool")
                    .isEqualTo(AddressPoolApiIT.first48Bits(v6.get("cidr").asText()));
            assertThat(address6).endsWith("::1");
            // which host it lives on is for staff: the customer's JSON never names it
            assertThat(ordered.json().has("host")).as(ordered.toString()).isFalse();
            assertThat(api.get("/api/v1/servers/" + serverId, owner).json().has("host")).isFalse();
            assertThat(api.get("/api/v1/servers/" + serverId, admin).json().path("host").asText())
                    .isEqualTo(api.get("/api/v1/hosts", admin).json().get(0).get("name").asText());

            guests.awaitStatus(customer, serverId, com.virtpanel.server.ServerStatus.RUNNING);
            Await.until("the guest to answer ping on " + address, Duration.ofSeconds(120), () -> pings(address), ok -> ok);
            Await.until("the guest to answer ping on " + address6, Duration.ofSeconds(60), () -> pings(address6), ok -> ok);

            // the pool lists the holder; reserving its address is refused and changes nothing
            JsonNode now = AddressPoolApiIT.pool(api.get(POOLS, admin).json(), network, 4);
            assertThat(now.get("holders").toString()).contains(address).contains("pool-guest");
            var refused = api.put(POOLS + "/" + poolId, admin, AddressPoolApiIT.change(v4.get("cidr").asText(), v4.get("gateway").asText(),
                    reservedBefore + ", " + reservation + ", " + address));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("reserved");
            assertThat(AddressPoolApiIT.pool(api.get(POOLS, admin).json(), network, 4).get("reserved").asText())
                    .isEqualTo(reservedBefore + ", " + reservation);

            // deleted: its address cools down, so the next order skips it though it is the lowest free one
            assertThat(api.delete("/api/v1/servers/" + serverId, owner).status()).isEqualTo(202);
            Await.until("server " + serverId + " to be gone", Guests.BOOT, () -> api.get("/api/v1/servers/" + serverId, owner).status(),
                    status -> status == 404);
            JsonNode cooling = AddressPoolApiIT.pool(api.get(POOLS, admin).json(), network, 4);
            assertThat(cooling.get("cooling_down").asLong()).isPositive();
            assertThat(cooling.get("holders").toString()).contains(address);
            var second = api.post("/api/v1/servers", owner, MockApi.json(Map.of("name", "pool-guest-2", "plan", "nano",
                    "image", "demo", "ssh_keys", List.of(TestKeys.ED25519))));
            assertThat(second.status()).as(second.toString()).isEqualTo(202);
            assertThat(second.json().get("ipv4").asText()).isNotEqualTo(address);
            assertThat(toLong(second.json().get("ipv4").asText())).isGreaterThan(last);
            assertThat(second.json().get("ipv6").asText()).isNotEqualTo(address6);
            assertThat(jdbc.queryForList("select action from audit_event where action like 'network.pool-%'", String.class))
                    .contains("network.pool-changed");
        } finally {
            api.put(POOLS + "/" + poolId, admin, AddressPoolApiIT.change(v4.get("cidr").asText(), v4.get("gateway").asText(), reservedBefore));
        }
    }

    /** ICMP echo from the host (the JVM runs as root, so InetAddress sends a real ping), bounded. */
    static boolean pings(String address) {
        try {
            return java.net.InetAddress.getByName(address).isReachable(2000);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static long toLong(String ip) {
        long v = 0;
        for (String part : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }
}
