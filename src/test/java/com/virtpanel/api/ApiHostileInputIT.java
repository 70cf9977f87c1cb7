package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.host.Volumes;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.context.WebApplicationContext;

/**
 * Mallory attacks every endpoint: malformed, huge and wrongly typed bodies, odd ids, and the ids
 * of Alice's server. Every answer is a 4xx problem (never a 5xx), none carries Alice's data,
 * and afterwards both servers, their guests and their volumes are exactly as before.
 */
@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHostileInputIT {

    @Autowired WebApplicationContext context;
    @Autowired Users users;
    @Autowired AccountService accounts;
    @Autowired ApiTokenService apiTokens;
    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired Volumes volumes;
    @Autowired Guests guests;
    @Autowired ApplicationEvents events;
    @LocalServerPort int port;

    MockApi api;
    AccountSummary alice;
    AccountSummary mallory;
    ServerInfo alices;
    ServerInfo mallorys;

    /** A server's state as the panel and the host see it. */
    record Snapshot(ServerStatus status, long imageId, java.time.Instant statusChangedAt, String domstate, List<String> volumes) {
    }

    @BeforeAll
    void twoCustomersWithARunningServerEach() {
        DemoImage.require();
        api = new MockApi(context);
        alice = users.newCustomer();
        mallory = users.newCustomer();
        // One after the other: two first orders at once race to import the image's template.
        alices = Users.as(alice, () -> serverOrders.order(new OrderRequest("alice-private-db", "nano", "demo",
                List.of(FreshKeys.ed25519("alice@home")), null, "alices-order")));
        alices = guests.awaitStatus(alice, alices.id(), ServerStatus.RUNNING);
        mallorys = Users.as(mallory, () -> serverOrders.order(new OrderRequest("mallory-box", "nano", "demo",
                List.of(FreshKeys.ed25519("mallory@home")), null, null)));
        mallorys = guests.awaitStatus(mallory, mallorys.id(), ServerStatus.RUNNING);
    }

    @AfterAll
    void cleanUp() {
        guests.removeAll();
    }

    Snapshot snapshot(AccountSummary owner, ServerInfo server) {
        ServerInfo now = Users.as(owner, () -> servers.get(server.id()));
        return new Snapshot(now.status(), now.imageId(), now.statusChangedAt(), Shell.virsh("domstate", server.domain()),
                volumes.list(server.domain() + "-"));
    }

    Snapshot alicesBefore;
    Snapshot mallorysBefore;

    @BeforeEach
    void rememberBothServers() {
        alicesBefore = snapshot(alice, alices);
        mallorysBefore = snapshot(mallory, mallorys);
        events.clear(); // with one instance per class, the orders of the set-up would count too
    }

    @AfterEach
    void nothingChanged() {
        assertThat(snapshot(alice, alices)).isEqualTo(alicesBefore);
        assertThat(snapshot(mallory, mallorys)).isEqualTo(mallorysBefore);
        assertThat(events.stream(ServerEvents.Ordered.class)).isEmpty();
        assertThat(events.stream(ServerEvents.PowerAction.class)).isEmpty();
        assertThat(events.stream(ServerEvents.ReinstallRequested.class)).isEmpty();
        assertThat(events.stream(ServerEvents.DeleteRequested.class)).isEmpty();
    }

    /** A fresh token of Mallory's for each group of calls, so the per-token limit stays out of the way. */
    String malloryToken() {
        return Users.as(mallory, () -> apiTokens.createPersonal("attack", null)).token();
    }

    /** Every reply: a 4xx problem with a detail, and nothing of Alice's in it. */
    MockApi.Reply refused(MockApi.Reply reply, String what) {
        assertThat(reply.status()).as(what + " → " + reply).isBetween(400, 499);
        assertThat(reply.isProblem()).as(what + " → " + reply).isTrue();
        assertThat(reply.json().path("detail").asText()).as(what).isNotBlank();
        assertThat(reply.body()).as(what).doesNotContain(alices.name(), alices.domain(), alices.ipv4(), alice.email());
        return reply;
    }

    // --- someone else's server -------------------------------------------------------------

    @Test
    void alicesServerIsNotFoundOnEveryEndpointForMallory() {
        String token = malloryToken();
        String path = "/api/v1/servers/" + alices.id();
        String reinstall = MockApi.json(Map.of("image", "demo", "ssh_keys", List.of(FreshKeys.ed25519("mallory@evil"))));
        List<MockApi.Reply> replies = new ArrayList<>();
        replies.add(api.get(path, token));
        replies.add(api.call(HttpMethod.DELETE, path, token, null, null, MockApi.freshIp(), Map.of()));
        for (String action : List.of("start", "shutdown", "reboot", "poweroff", "reset", "reset_password", "no-such-action")) {
            replies.add(api.post(path + "/actions/" + action, token, null));
        }
        replies.add(api.post(path + "/actions/reinstall", token, reinstall));
        replies.add(api.get(path + "/metrics?type=cpu,disk,network", token));
        replies.add(api.post(path + "/console", token, null));
        for (MockApi.Reply reply : replies) {
            assertThat(refused(reply, "alice's server").status()).as(reply.toString()).isEqualTo(404);
        }
        var list = api.get("/api/v1/servers", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("id").asLong()).isEqualTo(mallorys.id());
        assertThat(list.body()).doesNotContain(alices.name(), alices.domain());
    }

    @Test
    void notFoundLooksTheSameForAlicesServerAndForNoServer() {
        String token = malloryToken();
        var alicesReply = api.get("/api/v1/servers/" + alices.id(), token);
        var noneReply = api.get("/api/v1/servers/987654321", token);
        assertThat(alicesReply.status()).isEqualTo(noneReply.status());
        assertThat(alicesReply.json().get("detail")).isEqualTo(noneReply.json().get("detail"));
        assertThat(alicesReply.json().get("type")).isEqualTo(noneReply.json().get("type"));
    }

    @Test
    void alicesIdempotencyKeyDoesNotHandMalloryAlicesServer() {
        String order = MockApi.json(Map.of("name", "x", "plan", "no-such-plan", "image", "demo"));
        var reply = api.call(HttpMethod.POST, "/api/v1/servers", malloryToken(), MockApi.JSON, MockApi.bytes(order),
                MockApi.freshIp(), Map.of("Idempotency-Key", "alices-order"));
        assertThat(refused(reply, "alice's order key").status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("plan");
    }

    @Test
    void oddServerIdsAre400Or404() {
        String token = malloryToken();
        for (String id : List.of("abc", "1.5", "99999999999999999999", "-1", "0", "1e3", "%20", "0x10", alices.id() + "abc")) {
            refused(api.get("/api/v1/servers/" + id, token), "GET id " + id);
            refused(api.post("/api/v1/servers/" + id + "/actions/reboot", token, null), "reboot id " + id);
            refused(api.call(HttpMethod.DELETE, "/api/v1/servers/" + id, token, null, null, MockApi.freshIp(), Map.of()), "DELETE id " + id);
        }
        for (String url : List.of("/api/v1/servers/%2e%2e/plans", "/api/v1/servers/1%2F2", "/api/v1/servers/%25", "/api/v1//servers")) {
            refused(api.get(url, token), "rejected URL " + url);
        }
        var text = refused(api.get("/api/v1/servers/abc", token), "abc");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("field").asText()).isEqualTo("id");
    }

    // --- malformed bodies --------------------------------------------------------------------

    /** Bodies no endpoint may accept, by what is wrong with them. */
    static Map<String, byte[]> garbage() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("truncated", MockApi.bytes("{\"name\":"));
        bodies.put("not JSON", MockApi.bytes("name=web-1&plan=nano"));
        bodies.put("an array", MockApi.bytes("[]"));
        bodies.put("null", MockApi.bytes("null"));
        bodies.put("a string", MockApi.bytes("\"web-1\""));
        bodies.put("a number", MockApi.bytes("42"));
        bodies.put("trailing garbage", MockApi.bytes("{\"image\":\"demo\"} {\"image\":\"demo\"}"));
        bodies.put("duplicate keys", MockApi.bytes("{\"image\":\"demo\",\"image\":\"demo\"}"));
        bodies.put("deep nesting", MockApi.bytes("{\"a\":" + "[".repeat(20000) + "]".repeat(20000) + "}"));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'i', 'm', 'a', 'g', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.put("unknown field", MockApi.bytes("{\"image\":\"demo\",\"role\":\"ADMIN\"}"));
        bodies.put("NUL in a value", MockApi.bytes("{\"image\":\"de\\u0000mo\"}"));
        bodies.put("number too large", MockApi.bytes("{\"image\":1e99999}"));
        bodies.put("just under the size limit", MockApi.bytes("{\"image\":\"" + "a".repeat(60_000) + "\"}"));
        bodies.put("over the size limit", MockApi.bytes("{\"image\":\"" + "a".repeat(200_000) + "\"}"));
        return bodies;
    }

    List<String> bodyEndpoints() {
        return List.of("/api/v1/accounts", "/api/v1/auth/token", "/api/v1/servers", "/api/v1/servers/" + mallorys.id() + "/actions/reinstall");
    }

    List<String> bodylessEndpoints() {
        String own = "/api/v1/servers/" + mallorys.id();
        return List.of(own + "/actions/start", own + "/actions/shutdown", own + "/actions/reboot", own + "/actions/poweroff",
                own + "/actions/reset", own + "/actions/reset_password", own + "/console");
    }

    @Test
    void malformedBodiesAreRefusedEverywhere() {
        List<String> endpoints = new ArrayList<>(bodyEndpoints());
        endpoints.addAll(bodylessEndpoints());
        for (String endpoint : endpoints) {
            String token = malloryToken();
            garbage().forEach((what, body) -> refused(api.call(HttpMethod.POST, endpoint, token, MockApi.JSON, body,
                    MockApi.freshIp(), Map.of()), what + " to " + endpoint));
        }
        garbage().forEach((what, body) -> refused(api.call(HttpMethod.DELETE, "/api/v1/servers/" + mallorys.id(), malloryToken(),
                MockApi.JSON, body, MockApi.freshIp(), Map.of()), what + " to DELETE"));
    }

    @Test
    void anEmptyBodyIsRefusedWhereOneIsNeeded() {
        for (String endpoint : bodyEndpoints()) {
            var reply = refused(api.call(HttpMethod.POST, endpoint, malloryToken(), MockApi.JSON, new byte[0], MockApi.freshIp(),
                    Map.of()), "empty body to " + endpoint);
            assertThat(reply.status()).isEqualTo(400);
        }
    }

    @Test
    void bodiesOverTheLimitAre413AndTheRestOfGarbageIs400() {
        String token = malloryToken();
        byte[] huge = garbage().get("over the size limit");
        for (String endpoint : bodyEndpoints()) {
            assertThat(api.call(HttpMethod.POST, endpoint, token, MockApi.JSON, huge, MockApi.freshIp(), Map.of()).status())
                    .isEqualTo(413);
            assertThat(api.call(HttpMethod.POST, endpoint, token, MockApi.JSON, garbage().get("truncated"), MockApi.freshIp(),
                    Map.of()).status()).isEqualTo(400);
        }
    }

    @Test
    void hugeBodiesOverRealHttpAre413WithOrWithoutContentLength() {
        var http = new HttpApi(port);
        String token = malloryToken();
        byte[] huge = MockApi.bytes("{\"name\":\"" + "a".repeat(1_000_000) + "\"}");
        var sized = http.send("POST", "/api/v1/servers", token, HttpRequest.BodyPublishers.ofByteArray(huge), Map.of());
        assertThat(refused(sized, "1 MB with Content-Length").status()).isEqualTo(413);
        // ten at once: each refusal closes its connection, and the client, still sending, must read it first
        List<Integer> chunked = Together.run(10, i -> http.send("POST", "/api/v1/servers/" + mallorys.id() + "/actions/reinstall",
                token, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)), Map.of()).status());
        assertThat(chunked).as("1 MB chunked").containsOnly(413);
        var chunkedLogin = http.send("POST", "/api/v1/auth/token", null,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)), Map.of());
        assertThat(refused(chunkedLogin, "1 MB chunked login").status()).isEqualTo(413);
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        String token = malloryToken();
        Map<String, String> orders = new LinkedHashMap<>();
        orders.put("name", "{\"name\":5,\"plan\":\"nano\",\"image\":\"demo\"}");
        orders.put("plan", "{\"name\":\"x\",\"plan\":[\"nano\"],\"image\":\"demo\"}");
        orders.put("image", "{\"name\":\"x\",\"plan\":\"nano\",\"image\":{\"name\":\"demo\"}}");
        orders.put("ssh_keys", "{\"name\":\"x\",\"plan\":\"nano\",\"image\":\"demo\",\"ssh_keys\":\"ssh-ed25519 AAAA\"}");
        orders.put("ssh_keys[0]", "{\"name\":\"x\",\"plan\":\"nano\",\"image\":\"demo\",\"ssh_keys\":[42]}");
        orders.put("password", "{\"name\":\"x\",\"plan\":\"nano\",\"image\":\"demo\",\"password\":true}");
        orders.put("sshKeys", "{\"name\":\"x\",\"plan\":\"nano\",\"image\":\"demo\",\"sshKeys\":[]}");
        orders.forEach((field, body) -> {
            var reply = refused(api.post("/api/v1/servers", token, body), field);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("field").asText()).isEqualTo(field);
        });
        var login = refused(api.post("/api/v1/auth/token", null, "{\"email\":[\"a@b.c\"],\"password\":\"x\"}"), "login");
        assertThat(login.json().get("field").asText()).isEqualTo("email");
        var reinstall = refused(api.post("/api/v1/servers/" + mallorys.id() + "/actions/reinstall", token, "{\"image\":7}"), "reinstall");
        assertThat(reinstall.json().get("field").asText()).isEqualTo("image");
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        String token = malloryToken();
        String key = FreshKeys.ed25519("m@x");
        Map<String, Map<String, Object>> orders = new LinkedHashMap<>();
        orders.put("name", Map.of("name", "not a hostname!", "plan", "nano", "image", "demo", "ssh_keys", List.of(key)));
        orders.put("plan", Map.of("name", "ok-1", "plan", "gigantic", "image", "demo", "ssh_keys", List.of(key)));
        orders.put("image", Map.of("name", "ok-1", "plan", "nano", "image", "windows", "ssh_keys", List.of(key)));
        orders.put("ssh_keys", Map.of("name", "ok-1", "plan", "nano", "image", "demo", "ssh_keys", List.of("ssh-ed25519 broken")));
        orders.forEach((field, body) -> {
            var reply = refused(api.post("/api/v1/servers", token, MockApi.json(body)), field);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("field").asText()).isEqualTo(field);
        });
        var keyless = refused(api.post("/api/v1/servers", token, MockApi.json(Map.of("name", "ok-1", "plan", "nano", "image", "demo"))), "no key");
        assertThat(keyless.json().get("field").asText()).isEqualTo("ssh_keys");
        var header = refused(api.call(HttpMethod.POST, "/api/v1/servers", token, MockApi.JSON,
                MockApi.bytes(MockApi.json(orders.get("plan"))), MockApi.freshIp(), Map.of("Idempotency-Key", "k".repeat(65))), "key");
        assertThat(header.json().get("field").asText()).isEqualTo("Idempotency-Key");
        var image = refused(api.post("/api/v1/servers/" + mallorys.id() + "/actions/reinstall", token,
                MockApi.json(Map.of("image", "nope"))), "reinstall image");
        assertThat(image.json().get("field").asText()).isEqualTo("image");
    }

    @Test
    void badUserDataIsRefusedOnOrderAndReinstallNamingTheField() {
        String token = malloryToken();
        String key = FreshKeys.ed25519("m@x");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("binary", "\u007fELF\u0002\u0001\u0001\u0000\u0000");
        bad.put("over 32 KiB", "#!/bin/sh\n" + "echo x\n".repeat(5000));
        bad.put("neither cloud-config nor script", "hello: world\n");
        bad.put("our own multipart boundary", "#cloud-config\n# virtpanel-user-data-boundary\n");
        bad.forEach((what, userData) -> {
            var order = refused(api.post("/api/v1/servers", token, MockApi.json(Map.of("name", "ud-1", "plan", "nano",
                    "image", "demo", "ssh_keys", List.of(key), "user_data", userData))), "order, user data " + what);
            assertThat(order.status()).isEqualTo(400);
            assertThat(order.json().get("field").asText()).isEqualTo("user_data");
            var reinstall = refused(api.post("/api/v1/servers/" + mallorys.id() + "/actions/reinstall", token,
                    MockApi.json(Map.of("image", "demo", "user_data", userData))), "reinstall, user data " + what);
            assertThat(reinstall.status()).isEqualTo(400);
            assertThat(reinstall.json().get("field").asText()).isEqualTo("user_data");
        });
    }

    @Test
    void aSignUpWithExtraFieldsCreatesNoAccount() {
        String email = "sneaky-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + Users.PASSWORD + "\",\"role\":\"ADMIN\"}";
        var reply = refused(api.post("/api/v1/accounts", null, body), "role");
        assertThat(reply.json().get("field").asText()).isEqualTo("role");
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void wrongContentTypesAre415() {
        String token = malloryToken();
        String order = MockApi.json(Map.of("name", "ct-1", "plan", "nano", "image", "demo"));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "application/merge-patch+json")) {
            var reply = refused(api.call(HttpMethod.POST, "/api/v1/servers", token, type, MockApi.bytes(order), MockApi.freshIp(),
                    Map.of()), type);
            assertThat(reply.status()).as(type).isEqualTo(415);
        }
        var none = refused(api.call(HttpMethod.POST, "/api/v1/servers", token, null, MockApi.bytes(order), MockApi.freshIp(),
                Map.of()), "no content type");
        assertThat(none.status()).isEqualTo(415);
    }
}
