package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VerifiedEmails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The backup calls over real HTTP, on a stopped server (its disk is copied with qemu-img, no
 * guest needs to run): list, ten simultaneous "back up now" (one 202, nine 409), the backup's
 * JSON, a restore target that is not offered or a new server without a name (400), someone else's server (404),
 * delete (204); then the server deleted with keep_backups=true: its backup listed as kept (for its owner only),
 * restored into a new server by ten simultaneous requests (one 202, nine 409; a bad name 400), held while the new
 * server is made, then deleted.
 */
@IntegrationTest
@DemoGuests
class BackupApiIT {

    static final Duration STEP = Duration.ofSeconds(240);

    @LocalServerPort int port;
    @Autowired Guests guests;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    HttpApi api;

    @Test
    void aStoppedServerIsBackedUpOnceThoughTenAskAtOnceAndItsBackupIsListedAndDeleted() throws Exception {
        api = new HttpApi(port);
        String token = customerToken();
        String other = customerToken();
        String order = MockApi.json(Map.of("name", "bk-api", "plan", "nano", "image", "demo",
                "ssh_keys", List.of(FreshKeys.ed25519("bk@api"))));
        long id = api.post("/api/v1/servers", token, order).json().get("id").asLong();
        String domain = awaitStatus(token, id, "running").get("domain").asText();
        assertThat(api.post("/api/v1/servers/" + id + "/actions/poweroff", token, null).status()).isEqualTo(202);
        awaitStatus(token, id, "stopped");

        String path = "/api/v1/servers/" + id + "/backups";
        assertThat(api.get(path, token).json()).isEmpty();
        assertThat(api.get(path, other).status()).isEqualTo(404);
        assertThat(api.post(path, other, null).status()).isEqualTo(404);

        List<MockApi.Reply> replies = simultaneously(10, () -> api.post(path, token, null));
        List<MockApi.Reply> accepted = replies.stream().filter(r -> r.status() == 202).toList();
        assertThat(accepted).as(replies.toString()).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(9);
        assertThat(accepted.get(0).json().get("status").asText()).isEqualTo("running");
        long backupId = accepted.get(0).json().get("id").asLong();

        JsonNode backup = Await.until("backup " + backupId, STEP, () -> api.get(path, token).json().get(0),
                b -> !"running".equals(b.get("status").asText()));
        assertThat(backup.get("status").asText()).as(backup.toString()).isEqualTo("ok");
        assertThat(backup.get("id").asLong()).isEqualTo(backupId);
        assertThat(backup.get("kind").asText()).isEqualTo("full");
        assertThat(backup.get("consistency").asText()).isEqualTo("crash");
        assertThat(backup.get("size_bytes").asLong()).isPositive();
        assertThat(backup.has("progress") && backup.get("progress").isNull()).as("only a running backup has a progress: " + backup).isTrue();
        assertThat(Instant.parse(backup.get("created_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(Shell.virsh("domstate", domain)).isEqualTo("shut off");

        var noName = api.post(path + "/" + backupId + "/restore", token, MockApi.json(Map.of("target", "new")));
        assertThat(noName.status()).as(noName.toString()).isEqualTo(400);
        var otherTarget = api.post(path + "/" + backupId + "/restore", token, MockApi.json(Map.of("target", "elsewhere")));
        assertThat(otherTarget.status()).as(otherTarget.toString()).isEqualTo(400);
        assertThat(api.post(path + "/" + backupId + "/restore", other, MockApi.json(Map.of("target", "new", "name", "x2"))).status())
                .isEqualTo(404);
        assertThat(api.post(path + "/" + backupId + "/restore", other, MockApi.json(Map.of("target", "same"))).status())
                .isEqualTo(404);
        assertThat(api.delete(path + "/" + backupId, other).status()).isEqualTo(404);
        assertThat(api.delete(path + "/" + (backupId + 1000), token).status()).isEqualTo(404);
        assertThat(api.delete(path + "/" + backupId, token).status()).isEqualTo(204);
        assertThat(api.get(path, token).json()).isEmpty();

        // deleting the server, its backup kept: listed for its owner only, restorable into one new server
        long keptId = api.post(path, token, null).json().get("id").asLong();
        Await.until("backup " + keptId, STEP, () -> api.get(path, token).json().get(0), b -> "ok".equals(b.get("status").asText()));
        assertThat(api.delete("/api/v1/servers/" + id + "?keep_backups=true", token).status()).isEqualTo(202);
        Await.until("server " + id + " to be gone", STEP, () -> api.get("/api/v1/servers/" + id, token).status(), s -> s == 404);
        JsonNode kept = api.get("/api/v1/backups/kept", token).json();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("id").asLong()).isEqualTo(keptId);
        assertThat(kept.get(0).get("server_name").asText()).isEqualTo("bk-api");
        assertThat(kept.get(0).get("status").asText()).isEqualTo("ok");
        assertThat(api.get("/api/v1/backups/kept", other).json()).isEmpty();
        String keptPath = "/api/v1/backups/kept/" + keptId;
        assertThat(api.post(keptPath + "/restore", other, MockApi.json(Map.of("name", "x1"))).status()).isEqualTo(404);
        assertThat(api.delete(keptPath, other).status()).isEqualTo(404);
        var badName = api.post(keptPath + "/restore", token, MockApi.json(Map.of("name", "no way!")));
        assertThat(badName.status()).as(badName.toString()).isEqualTo(400);
        assertThat(badName.body()).contains("name");

        List<MockApi.Reply> restores = Together.run(10, i -> api.post(keptPath + "/restore", token,
                MockApi.json(Map.of("name", "bk-kept"))));
        assertThat(restores).as(restores.toString()).filteredOn(r -> r.status() == 202).hasSize(1);
        assertThat(restores).filteredOn(r -> r.status() == 409).hasSize(9);
        JsonNode copy = restores.stream().filter(r -> r.status() == 202).findFirst().orElseThrow().json();
        assertThat(copy.get("name").asText()).isEqualTo("bk-kept");
        assertThat(api.delete(keptPath, token).status()).as("held while the new server is made from it").isEqualTo(409);
        awaitStatus(token, copy.get("id").asLong(), "running");
        Await.until("the kept backup to be deleted", STEP, () -> api.delete(keptPath, token).status(), s -> s == 204);
        assertThat(api.get("/api/v1/backups/kept", token).json()).isEmpty();
    }

    private String customerToken() {
        String email = "bk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String credentials = MockApi.json(Map.of("email", email, "password", Users.PASSWORD));
        assertThat(api.post("/api/v1/accounts", null, credentials).status()).isEqualTo(201);
        VerifiedEmails.verify(jdbc, email);
        return api.post("/api/v1/auth/token", null, credentials).json().get("token").asText();
    }

    private JsonNode awaitStatus(String token, long id, String status) {
        return Await.until("server " + id + " to be " + status, STEP, () -> api.get("/api/v1/servers/" + id, token).json(),
                s -> status.equals(s.path("status").asText()));
    }

    private static List<MockApi.Reply> simultaneously(int n, java.util.function.Supplier<MockApi.Reply> call) {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            return simultaneously(n, call, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<MockApi.Reply> simultaneously(int n, java.util.function.Supplier<MockApi.Reply> call,
            java.util.concurrent.ExecutorService pool) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<MockApi.Reply>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return call.get();
            }, pool));
        }
        go.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
