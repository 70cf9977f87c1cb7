package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.host.HostFaults;
import com.virtpanel.host.Volumes;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A busy day on one host, through the REST API on real guests: ten customers' requests arrive at
 * the same moment and every one succeeds. At most two operations use the host at once here; the
 * others are queued and served in turn.
 */
@IntegrationTest
@DemoGuests
@TestPropertySource(properties = "panel.operations.max-parallel=2")
class SimultaneousOperationsIT {

    static final int CUSTOMERS = 5;
    static final int SERVERS = 10;
    static final Duration ALL_DONE = Duration.ofSeconds(300);

    @LocalServerPort int port;
    @Value("${panel.storage.pool}") String pool;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @MockitoSpyBean Volumes volumes;
    @Autowired JdbcTemplate db;

    HttpApi api;
    List<String> customerTokens;

    @BeforeEach
    void customers() {
        api = new HttpApi(port);
        customerTokens = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            AccountSummary customer = users.newCustomer();
            customerTokens.add(tokens.issueSessionToken(customer.id()).token());
        }
    }

    @Test
    void tenOrdersThenTenReinstallsThenTenDeletesArrivingTogetherAllSucceed() {
        // 10 orders from 5 accounts at once: each accepted, as provisioning or queued with its place in line
        List<MockApi.Reply> orders = Together.run(SERVERS, i -> api.post("/api/v1/servers", owner(i),
                MockApi.json(Map.of("name", "busy-" + i, "plan", "nano", "image", "demo",
                        "ssh_keys", List.of(TestKeys.ED25519)))));
        long[] ids = new long[SERVERS];
        int queued = 0;
        for (int i = 0; i < SERVERS; i++) {
            MockApi.Reply reply = orders.get(i);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
            ids[i] = reply.json().get("id").asLong();
            String status = reply.json().get("status").asText();
            assertThat(status).isIn("provisioning", "queued");
            if (status.equals("queued")) {
                queued++;
                assertThat(reply.json().get("queue_position").asInt()).isBetween(1, SERVERS);
            } else {
                assertThat(reply.json().path("queue_position").isNumber()).isFalse();
            }
        }
        assertThat(queued).as("orders beyond the two slots wait in line").isPositive();
        List<String> domains = awaitAll(ids, "running").stream().map(s -> s.get("domain").asText()).toList();
        for (long id : ids) {
            // created once, by the quota module's listener of the order (a module listener backed by the registry)
            assertThat(db.queryForObject("SELECT COUNT(*) FROM quota_state WHERE server_id = ?", Integer.class, id)).isEqualTo(1);
        }
        assertThat(db.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                + " AND listener_id LIKE '%NewServers%'", Integer.class)).as("no order's quota state left to create").isZero();
        for (String domain : domains) {
            assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");
        }

        // 10 reinstalls at once, plus a second one for the first server: that one is refused, the rest run
        List<MockApi.Reply> reinstalls = Together.run(SERVERS + 1, i -> api.post(
                "/api/v1/servers/" + ids[i % SERVERS] + "/actions/reinstall", owner(i % SERVERS), "{\"image\":\"demo\"}"));
        long accepted = reinstalls.stream().filter(r -> r.status() == 202).count();
        assertThat(accepted).as(reinstalls.toString()).isEqualTo(SERVERS);
        MockApi.Reply refused = reinstalls.stream().filter(r -> r.status() != 202).findFirst().orElseThrow();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("busy");
        awaitAll(ids, "running");
        for (String domain : domains) {
            assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");
            assertThat(volumes.list(domain + "-")).as("the old generation's volumes are gone")
                    .containsExactlyInAnyOrder(domain + "-disk-2.qcow2", domain + "-seed-2.iso");
        }

        // 10 deletes at once: no domain, no volume left
        List<MockApi.Reply> deletes = Together.run(SERVERS, i -> api.delete("/api/v1/servers/" + ids[i], owner(i)));
        assertThat(deletes).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(202));
        for (int i = 0; i < SERVERS; i++) {
            long id = ids[i];
            String token = owner(i);
            Await.until("server " + id + " to be gone", ALL_DONE, () -> api.get("/api/v1/servers/" + id, token).status(),
                    s -> s == 404);
        }
        Set<String> left = new HashSet<>(Arrays.asList(Shell.virsh("list", "--all", "--name").split("\\s+")));
        for (String domain : domains) {
            assertThat(left).doesNotContain(domain);
            assertThat(volumes.list(domain + "-")).isEmpty();
        }
    }

    @Test
    void aPoolBusyErrorMetByAnOrderIsRetriedWithinTheStepAndTheOrderSucceeds() {
        AtomicInteger injected = new AtomicInteger();
        doAnswer(call -> {
            if (injected.getAndIncrement() == 0) {
                throw HostFaults.poolBusy(pool);
            }
            return call.callRealMethod();
        }).when(volumes).createDisk(anyString(), any(), anyInt());

        MockApi.Reply order = api.post("/api/v1/servers", owner(0),
                MockApi.json(Map.of("name", "retried", "plan", "nano", "image", "demo", "ssh_keys", List.of(TestKeys.ED25519))));
        assertThat(order.status()).as(order.toString()).isEqualTo(202);

        JsonNode running = awaitAll(new long[] {order.json().get("id").asLong()}, "running").get(0);
        assertThat(injected.get()).as("the busy pool was met, then the step ran again").isEqualTo(2);
        assertThat(Shell.virsh("domstate", running.get("domain").asText())).isEqualTo("running");
    }

    @Test
    void aFailedOrderSaysWhyInTheCallersLanguageLongAfterItFailed() {
        doAnswer(call -> {
            throw new IllegalStateException("injected: the disk could not be made");
        }).when(volumes).createDisk(org.mockito.ArgumentMatchers.contains("-doomed"), any(), anyInt());

        MockApi.Reply order = api.post("/api/v1/servers", owner(2),
                MockApi.json(Map.of("name", "doomed", "plan", "nano", "image", "demo", "ssh_keys", List.of(TestKeys.ED25519))));
        assertThat(order.status()).as(order.toString()).isEqualTo(202);
        String path = "/api/v1/servers/" + order.json().get("id").asLong();
        JsonNode failed = Await.until("the doomed order to fail", ALL_DONE, () -> api.get(path, owner(2)).json(),
                s -> s.get("status").asText().equals("failed"));

        // stored as a message, not as English text: each reader gets their own language
        assertThat(failed.get("failure_reason").asText())
                .isEqualTo("Setting up the server failed: An unexpected error stopped the operation. Support has been notified.");
        MockApi.Reply russian = api.send("GET", path, owner(2), null, Map.of("Accept-Language", "ru"));
        assertThat(russian.json().get("failure_reason").asText())
                .isEqualTo("Не удалось подготовить сервер: Операцию остановила непредвиденная ошибка. Поддержка уже уведомлена.");
    }

    @Test
    void aDeleteFindsTheGuestAndItsDiskAlreadyGoneAndCountsThemAsRemoved() throws java.io.IOException {
        MockApi.Reply order = api.post("/api/v1/servers", owner(1),
                MockApi.json(Map.of("name", "vanishing", "plan", "nano", "image", "demo", "ssh_keys", List.of(TestKeys.ED25519))));
        long id = order.json().get("id").asLong();
        String domain = awaitAll(new long[] {id}, "running").get(0).get("domain").asText();

        // someone removed the guest and its disk by hand, outside the panel
        Shell.virsh("destroy", domain);
        Shell.virsh("undefine", domain);
        java.nio.file.Files.delete(volumes.path(domain + "-disk-1.qcow2"));

        assertThat(api.delete("/api/v1/servers/" + id, owner(1)).status()).isEqualTo(202);
        Await.until("server " + id + " to be gone", ALL_DONE, () -> api.get("/api/v1/servers/" + id, owner(1)).status(),
                s -> s == 404);
        assertThat(volumes.list(domain + "-")).isEmpty();
    }

    private String owner(int server) {
        return customerTokens.get(server % CUSTOMERS);
    }

    /** Waits until every server has the status; one that failed ends the wait at once, with its reason. */
    private List<JsonNode> awaitAll(long[] ids, String status) {
        List<JsonNode> done = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            long id = ids[i];
            String token = ownerOf(id);
            JsonNode server = Await.until("server " + id + " to be " + status, ALL_DONE,
                    () -> api.get("/api/v1/servers/" + id, token).json(), s -> {
                        if (s.get("status").asText().equals("failed")) {
                            throw new AssertionError("server " + id + " failed: " + s.get("failure_reason"));
                        }
                        return s.get("status").asText().equals(status);
                    });
            done.add(server);
        }
        return done;
    }

    private String ownerOf(long id) {
        for (String token : customerTokens) {
            if (api.get("/api/v1/servers/" + id, token).status() == 200) {
                return token;
            }
        }
        throw new AssertionError("no customer owns server " + id);
    }
}
