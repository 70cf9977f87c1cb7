package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.network.ReverseDnsProbe;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.TestHost;
import com.virtpanel.testkit.TestPowerDns;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customers' PTR records over real HTTP, served by this JVM's own PowerDNS and checked with dig:
 * set (IPv4 and IPv6), bad input, someone else's address, ten simultaneous changes, PowerDNS
 * down (the change waits, pending, and the reconciler delivers it), a record changed in
 * PowerDNS by hand (put back). Servers are seeded rows (no guest) except one real order that
 * gets its default PTR and loses it on delete.
 */
@IntegrationTest
class ReverseDnsApiIT {

    private static final AtomicInteger NEXT = new AtomicInteger(200);

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate db;
    @Autowired ApplicationContext context;

    HttpApi api;
    ReverseDnsProbe probe;
    long ownerId;
    String owner;
    String stranger;

    @BeforeEach
    void customers() {
        api = new HttpApi(port);
        probe = new ReverseDnsProbe(context);
        ownerId = users.newCustomer().id();
        owner = tokens.issueSessionToken(ownerId).token();
        stranger = tokens.issueSessionToken(users.newCustomer().id()).token();
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void aCustomersPtrIsServedByPowerDnsForIpv4AndIpv6() {
        Seeded server = seedServer(ownerId);
        var set = put(server, server.ipv4(), owner, "{\"ptr\":\"Mail.Example.COM.\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("ptr").asText()).isEqualTo("mail.example.com");
        assertThat(set.json().get("pending").asBoolean()).as("delivered at once").isFalse();
        assertThat(TestPowerDns.digReverse(server.ipv4())).isEqualTo("mail.example.com.");

        var six = put(server, server.ipv6(), owner, "{\"ptr\":\"v6.example.com\"}");
        assertThat(six.status()).as(six.toString()).isEqualTo(200);
        assertThat(TestPowerDns.digReverse(server.ipv6())).isEqualTo("v6.example.com.");

        var got = api.get(ptrPath(server, server.ipv6()), owner);
        assertThat(got.json().get("address").asText()).isEqualTo(server.ipv6());
        assertThat(got.json().get("ptr").asText()).isEqualTo("v6.example.com");
        JsonNode listed = api.get("/api/v1/servers/" + server.id() + "/addresses", owner).json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("ptr").asText()).isEqualTo("mail.example.com");
        assertThat(listed.get(0).get("ptr_pending").asBoolean()).isFalse();
        assertThat(listed.get(1).get("family").asInt()).isEqualTo(6);
        assertThat(db.queryForList("select detail from audit_event where action = 'network.ptr-changed' and server_id = ?",
                String.class, server.id())).hasSize(2).anyMatch(d -> d.contains("mail.example.com"));
    }

    @Test
    void badNamesAndForeignAddressesAreRefusedAndChangeNothing() {
        Seeded server = seedServer(ownerId);
        assertThat(put(server, server.ipv4(), owner, "{\"ptr\":\"first.example.com\"}").status()).isEqualTo(200);
        for (String bad : List.of("", "mail", "mail..example.com", "-x.example.com", "a_b.example.com", "1.2.3.4")) {
            var reply = put(server, server.ipv4(), owner, MockApi.json(Map.of("ptr", bad)));
            assertThat(reply.status()).as(bad + " " + reply).isEqualTo(400);
            assertThat(reply.json().get("field").asText()).isEqualTo("ptr");
        }
        assertThat(put(server, server.ipv4(), owner, "{\"ptr\":\"x.example.com\",\"ttl\":5}").status()).as("unknown field")
                .isEqualTo(400);
        assertThat(put(server, server.ipv4(), stranger, "{\"ptr\":\"evil.example.com\"}").status()).isEqualTo(404);
        assertThat(api.get(ptrPath(server, server.ipv4()), stranger).status()).isEqualTo(404);
        String notItsAddress = TestHost.CIDR.substring(0, TestHost.CIDR.lastIndexOf('.')) + ".254";
        assertThat(put(server, notItsAddress, owner, "{\"ptr\":\"x.example.com\"}").status()).isEqualTo(404);
        assertThat(put(server, "not-an-address", owner, "{\"ptr\":\"x.example.com\"}").status()).isEqualTo(404);
        assertThat(api.send("PUT", "/api/v1/servers/987654321/addresses/" + server.ipv4() + "/ptr", owner,
                HttpRequest.BodyPublishers.ofString("{\"ptr\":\"x.example.com\"}"), Map.of()).status()).isEqualTo(404);

        assertThat(api.get(ptrPath(server, server.ipv4()), owner).json().get("ptr").asText()).isEqualTo("first.example.com");
        assertThat(TestPowerDns.digReverse(server.ipv4())).isEqualTo("first.example.com.");
    }

    @Test
    void tenSimultaneousChangesOfOneAddressLeaveOneRecordThatPowerDnsServes() {
        Seeded server = seedServer(ownerId);
        tenSimultaneousChanges(api, owner, server.id(), server.ipv4());
        assertThat(db.queryForObject("select count(*) from reverse_dns where address = ?", Integer.class, server.ipv4()))
                .isEqualTo(1);
        JsonNode last = api.get(ptrPath(server, server.ipv4()), owner).json();
        assertThat(last.get("pending").asBoolean()).isFalse();
        assertThat(TestPowerDns.digReverse(server.ipv4())).isEqualTo(last.get("ptr").asText() + ".");
    }

    /** Shared with {@link ReverseDnsPostgresIT}. */
    static void tenSimultaneousChanges(HttpApi api, String token, long serverId, String address) {
        List<MockApi.Reply> replies = Together.run(10, i -> api.send("PUT",
                "/api/v1/servers/" + serverId + "/addresses/" + address + "/ptr", token,
                HttpRequest.BodyPublishers.ofString("{\"ptr\":\"n" + i + ".example.com\"}"), Map.of()));
        assertThat(replies).as(replies.toString()).allMatch(r -> r.status() == 200 || r.status() == 409);
        assertThat(replies).filteredOn(r -> r.status() == 200).isNotEmpty();
    }

    @Test
    void aChangeWhilePowerDnsIsDownStaysPendingUntilTheReconcilerDeliversIt() {
        Seeded server = seedServer(ownerId);
        TestPowerDns.stop();
        try {
            var set = put(server, server.ipv4(), owner, "{\"ptr\":\"later.example.com\"}");
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.json().get("pending").asBoolean()).isTrue();
            assertThat(api.get(ptrPath(server, server.ipv4()), owner).json().get("pending").asBoolean()).isTrue();
            probe.reconcile(); // PowerDNS still down: nothing lost
            assertThat(api.get(ptrPath(server, server.ipv4()), owner).json().get("pending").asBoolean()).isTrue();
        } finally {
            TestPowerDns.start();
        }
        probe.reconcile();
        JsonNode served = api.get(ptrPath(server, server.ipv4()), owner).json();
        assertThat(served.get("ptr").asText()).isEqualTo("later.example.com");
        assertThat(served.get("pending").asBoolean()).isFalse();
        assertThat(TestPowerDns.digReverse(server.ipv4())).isEqualTo("later.example.com.");
    }

    @Test
    void aRecordChangedInPowerDnsByHandIsPutBackAndAudited() {
        Seeded server = seedServer(ownerId);
        assertThat(put(server, server.ipv6(), owner, "{\"ptr\":\"mine.example.com\"}").status()).isEqualTo(200);
        probe.changeByHand(server.ipv6(), "hijacked.example.net.");
        assertThat(TestPowerDns.digReverse(server.ipv6())).isEqualTo("hijacked.example.net.");

        assertThat(probe.reconcile()).isGreaterThanOrEqualTo(1);
        assertThat(TestPowerDns.digReverse(server.ipv6())).isEqualTo("mine.example.com.");
        assertThat(db.queryForList("select detail from audit_event where action = 'network.ptr-repaired' and server_id = ?",
                String.class, server.id())).singleElement().asString().contains("hijacked.example.net");
    }

    @Test
    void anOrderedServerGetsItsDefaultPtrAndLosesItWhenDeleted() {
        DemoImage.require();
        String name = "rdns-" + UUID.randomUUID().toString().substring(0, 6);
        String order = MockApi.json(Map.of("name", name, "plan", "nano", "image", "demo",
                "ssh_keys", List.of(FreshKeys.ed25519("rdns@api"))));
        long id = api.post("/api/v1/servers", owner, order).json().get("id").asLong();
        JsonNode running = Await.until("server " + id + " running", Guests.BOOT,
                () -> api.get("/api/v1/servers/" + id, owner).json(), s -> "running".equals(s.get("status").asText()));
        String ipv4 = running.get("ipv4").asText();
        String expected = name + ".servers.virtpanel.test.";
        assertThat(TestPowerDns.digReverse(ipv4)).isEqualTo(expected);
        JsonNode addresses = api.get("/api/v1/servers/" + id + "/addresses", owner).json();
        String ipv6 = addresses.get(1).get("address").asText();
        assertThat(TestPowerDns.digReverse(ipv6)).isEqualTo(expected);

        assertThat(api.delete("/api/v1/servers/" + id, owner).status()).isEqualTo(202);
        Await.until("PTR of " + ipv4 + " removed", Duration.ofSeconds(120), () -> TestPowerDns.digReverse(ipv4),
                String::isEmpty);
        assertThat(TestPowerDns.digReverse(ipv6)).isEmpty();
        Await.until("rows of server " + id + " gone", Duration.ofSeconds(30),
                () -> db.queryForObject("select count(*) from reverse_dns where server_id = ?", Integer.class, id),
                n -> n == 0);
    }

    record Seeded(long id, String ipv4, String ipv6) {
    }

    private Seeded seedServer(long accountId) {
        int n = NEXT.getAndIncrement();
        String ipv4 = TestHost.CIDR.substring(0, TestHost.CIDR.lastIndexOf('.')) + "." + n;
        long plan = db.queryForObject("select min(id) from plan", Long.class);
        long image = db.queryForObject("select min(id) from image", Long.class);
        String domain = "vp-rdns-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        db.update("insert into server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, ipv4, "
                + "ipv6_net, status_changed_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'STOPPED', ?, "
                + "'52:54:00:00:00:03', ?, ?, ?, ?, ?)", accountId, "seed-" + n, domain, plan, image, domain, ipv4,
                60000 + n, now, now, now);
        long id = db.queryForObject("select id from server where domain_name = ?", Long.class, domain);
        String ipv6 = api.get("/api/v1/servers/" + id + "/addresses", owner).json().get(1).get("address").asText();
        return new Seeded(id, ipv4, ipv6);
    }

    private String ptrPath(Seeded server, String address) {
        return "/api/v1/servers/" + server.id() + "/addresses/" + address + "/ptr";
    }

    private MockApi.Reply put(Seeded server, String address, String token, String json) {
        return api.send("PUT", ptrPath(server, address), token, HttpRequest.BodyPublishers.ofString(json), Map.of());
    }
}
