package com.virtpanel.api;

import com.virtpanel.testkit.Together;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.SshPublicKey;
import com.virtpanel.base.Bytes;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.ConsoleClient;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer's whole journey through the API over real HTTP, checked on the libvirt side:
 * sign up, token, order (with user data), running, reboot, power off and on, reinstall with a new key and user data,
 * reset, shut down, delete.
 */
@IntegrationTest
@DemoGuests
class ApiLifecycleIT {

    static final Duration STEP = Duration.ofSeconds(240);

    @LocalServerPort int port;
    @Value("${panel.storage.pool}") String pool;
    @Autowired Guests guests;
    @Autowired MeterRegistry meters;

    HttpApi api;
    String token;

    @Test
    void aServerIsOrderedRebootedReinstalledAndDeletedThroughTheApi() throws Exception {
        api = new HttpApi(port);
        String email = "life-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String credentials = MockApi.json(Map.of("email", email, "password", Users.PASSWORD));
        assertThat(api.post("/api/v1/accounts", null, credentials).status()).isEqualTo(201);
        // no SMTP in this context, as on a fresh ./panel run: the new account orders at once
        var issued = api.post("/api/v1/auth/token", null, credentials);
        assertThat(issued.status()).isEqualTo(200);
        token = issued.json().get("token").asText();

        JsonNode nano = find(api.get("/api/v1/plans", token).json(), "nano");
        assertThat(nano.get("vcpus").asInt()).isEqualTo(1);
        assertThat(nano.get("memory_mib").asInt()).isEqualTo(256);
        assertThat(nano.get("cpu_cap_percent").asInt()).isEqualTo(50);
        assertThat(find(api.get("/api/v1/images", token).json(), "demo").get("title").asText()).isNotBlank();

        // Order, with an idempotency key: the replay returns the same server.
        String firstKey = FreshKeys.ed25519("first@api");
        long provisionStepsBefore = provisionSteps();
        String order = MockApi.json(Map.of("name", "api-life", "plan", "nano", "image", "demo", "ssh_keys", List.of(firstKey),
                "user_data", "#!/bin/sh\necho user-data-script-ran-on-$(hostname) > /dev/ttyS0\n"));
        var ordered = api.send("POST", "/api/v1/servers", token, HttpRequest.BodyPublishers.ofString(order),
                Map.of("Idempotency-Key", "life-order-1"));
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(202);
        JsonNode server = ordered.json();
        long id = server.get("id").asLong();
        assertThat(ordered.headers().get("location")).endsWith("/api/v1/servers/" + id);
        assertThat(server.get("status").asText()).isEqualTo("provisioning");
        assertThat(server.get("name").asText()).isEqualTo("api-life");
        assertThat(server.get("plan").asText()).isEqualTo("nano");
        assertThat(server.get("image").asText()).isEqualTo("demo");
        assertThat(server.get("ipv4").asText()).isNotBlank();
        assertThat(server.get("ipv6").asText()).endsWith("::1");
        // the addresses, ten times at once: every answer the same, IPv4 in the network's prefix and the server's /64
        List<String> addressAnswers = Together.run(10, i -> api.get("/api/v1/servers/" + id + "/addresses", token).json().toString());
        assertThat(addressAnswers).containsOnly(addressAnswers.get(0));
        JsonNode addresses = api.get("/api/v1/servers/" + id + "/addresses", token).json();
        assertThat(addresses).hasSize(2);
        assertThat(addresses.get(0).get("address").asText()).isEqualTo(server.get("ipv4").asText());
        assertThat(addresses.get(0).get("family").asInt()).isEqualTo(4);
        assertThat(addresses.get(1).get("address").asText()).isEqualTo(server.get("ipv6").asText());
        assertThat(addresses.get(1).get("family").asInt()).isEqualTo(6);
        assertThat(addresses.get(1).get("prefix").asInt()).isEqualTo(64);
        assertThat(server.get("throttled").asBoolean()).isFalse();
        assertThat(server.get("user_data_given").asBoolean()).isTrue();
        assertThat(server.has("user_data")).as("user data is never echoed back").isFalse();
        assertThat(Instant.parse(server.get("created_at").asText())).isBefore(Instant.now().plusSeconds(1));
        JsonNode limits = server.get("limits");
        assertThat(limits.get("cpu_cap_percent").asInt()).isEqualTo(50);
        assertThat(limits.get("disk_iops").asInt()).isEqualTo(200);
        assertThat(limits.get("disk_mbps").asInt()).isEqualTo(20);
        assertThat(limits.get("net_mbps").asInt()).isEqualTo(100);
        assertThat(limits.get("traffic_gib").asInt()).isEqualTo(1000);
        JsonNode traffic = server.get("traffic"); // the period's count, the same as the server page's
        assertThat(traffic.get("used_bytes").asLong()).isZero();
        assertThat(traffic.get("allowance_bytes").asLong()).isEqualTo(1000 * Bytes.GIB);
        assertThat(Instant.parse(traffic.get("period_start").asText())).isBefore(Instant.parse(traffic.get("period_end").asText()));
        var replay = api.send("POST", "/api/v1/servers", token, HttpRequest.BodyPublishers.ofString(order),
                Map.of("Idempotency-Key", "life-order-1"));
        assertThat(replay.json().get("id").asLong()).isEqualTo(id);
        assertThat(api.get("/api/v1/servers", token).json()).hasSize(1);

        // Running: the guest exists, runs, and booted with its hostname and key.
        String domain = awaitStatus(id, "running").get("domain").asText();
        assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");
        // for operators: virtpanel_operation_steps_seconds{operation="provision"} moved, every step timed
        assertThat(provisionSteps() - provisionStepsBefore).isGreaterThanOrEqualTo(4); // disk, seed, define, start
        String serial = guests.awaitSerial(domain, "virtpanel-demo ready", STEP);
        assertThat(serial).contains("hostname=api-life", "ssh-key=" + fingerprint(firstKey));
        // the customer's script ran, after the panel's settings (it sees the hostname)
        guests.awaitSerial(domain, "user-data-script-ran-on-api-life", STEP);
        assertThat(volumes(domain)).containsExactlyInAnyOrder(domain + "-disk-1.qcow2", domain + "-seed-1.iso");

        // Reboot: the same guest boots a second time.
        assertThat(action(id, "reboot").get("status").asText()).isEqualTo("rebooting");
        Await.until("a second boot of " + domain, STEP, () -> guests.serial(domain), s -> count(s, "virtpanel-demo ready") >= 2);
        awaitStatus(id, "running");
        assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");

        // Power off and on.
        assertThat(action(id, "poweroff").get("status").asText()).isEqualTo("stopped");
        assertThat(Shell.virsh("domstate", domain)).isEqualTo("shut off");
        assertThat(action(id, "start").get("status").asText()).isEqualTo("running");
        assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");
        guests.awaitSerial(domain, "virtpanel-demo ready", STEP);

        // Reinstall with a new key: new volumes replace the old ones, the guest gets the new key.
        String secondKey = FreshKeys.ed25519("second@api");
        var reinstall = api.post("/api/v1/servers/" + id + "/actions/reinstall", token,
                MockApi.json(Map.of("image", "demo", "ssh_keys", List.of(secondKey),
                        "user_data", "#cloud-config\nruncmd:\n  - echo user-data-runcmd-ran-after-reinstall > /dev/ttyS0\n")));
        assertThat(reinstall.status()).as(reinstall.toString()).isEqualTo(202);
        assertThat(reinstall.json().get("status").asText()).isEqualTo("reinstalling");
        awaitStatus(id, "running");
        assertThat(volumes(domain)).containsExactlyInAnyOrder(domain + "-disk-2.qcow2", domain + "-seed-2.iso");
        assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");
        String reinstalled = guests.awaitSerial(domain, "virtpanel-demo ready", STEP);
        assertThat(reinstalled).contains("ssh-key=" + fingerprint(secondKey)).doesNotContain("ssh-key=" + fingerprint(firstKey));
        // the new user data (a cloud-config this time) replaced the order's
        guests.awaitSerial(domain, "user-data-runcmd-ran-after-reinstall", STEP);

        // Usage: the series asked for, in their units; a reversed range is refused.
        var metrics = api.get("/api/v1/servers/" + id + "/metrics?type=cpu,network", token);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(metrics.json().get("series").findValuesAsText("name")).containsExactlyInAnyOrder("cpu", "net_rx", "net_tx");
        assertThat(metrics.json().get("resolution").asText()).isEqualTo("raw");
        assertThat(api.get("/api/v1/servers/" + id + "/metrics?start=2026-02-01T00:00:00Z&end=2026-01-01T00:00:00Z", token)
                .status()).isEqualTo(400);

        // Console: a single-use ticket; the WebSocket at its path, with the same token, speaks RFB.
        var ticket = api.post("/api/v1/servers/" + id + "/console", token, null);
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(200);
        String wsPath = ticket.json().get("path").asText();
        assertThat(wsPath).startsWith("/console/ws/" + id);
        assertThat(Instant.parse(ticket.json().get("expires_at").asText())).isAfter(Instant.now());
        assertThat(ConsoleClient.rfbGreeting(port, wsPath, token)).startsWith("RFB 003.");

        // Root password: generated, shown once, applied offline; the server comes back running.
        var password = api.post("/api/v1/servers/" + id + "/actions/reset_password", token, null);
        assertThat(password.status()).as(password.toString()).isEqualTo(200);
        assertThat(password.json().get("root_password").asText()).hasSizeGreaterThanOrEqualTo(16);
        awaitStatus(id, "running");
        guests.awaitSerial(domain, "virtpanel-demo ready", STEP);

        // Hard reset, then a graceful shutdown the guest honours (ACPI power button).
        int boots = count(guests.serial(domain), "virtpanel-demo ready");
        assertThat(action(id, "reset").get("status").asText()).isEqualTo("rebooting");
        Await.until("a boot after the reset of " + domain, STEP, () -> guests.serial(domain),
                s -> count(s, "virtpanel-demo ready") > boots);
        awaitStatus(id, "running");
        // The guest is up (its ACPI daemon listens), so it honours the power button.
        action(id, "shutdown");
        awaitStatus(id, "stopped");
        assertThat(Shell.virsh("domstate", domain)).isEqualTo("shut off");

        // Delete: 202, then the server is gone from the API and from the host.
        var deleted = api.delete("/api/v1/servers/" + id, token);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.json().get("status").asText()).isEqualTo("deleting");
        Await.until("server " + id + " to be gone", STEP, () -> api.get("/api/v1/servers/" + id, token).status(), s -> s == 404);
        assertThat(api.get("/api/v1/servers/" + id + "/addresses", token).status()).isEqualTo(404);
        assertThat(Shell.run("virsh", "-c", "qemu:///system", "domstate", domain).ok()).isFalse();
        assertThat(volumes(domain)).isEmpty();
        assertThat(api.get("/api/v1/servers", token).json()).isEmpty();
    }

    private JsonNode action(long id, String action) {
        var reply = api.post("/api/v1/servers/" + id + "/actions/" + action, token, null);
        assertThat(reply.status()).as(action + ": " + reply).isEqualTo(202);
        return reply.json();
    }

    private JsonNode awaitStatus(long id, String status) {
        return Await.until("server " + id + " to be " + status, STEP, () -> {
            JsonNode server = api.get("/api/v1/servers/" + id, token).json();
            if ("failed".equals(server.path("status").asText())) {
                throw new AssertionError("server failed: " + server.path("failure_reason").asText());
            }
            return server;
        }, s -> status.equals(s.path("status").asText()));
    }

    private List<String> volumes(String domain) {
        return Arrays.stream(Shell.virsh("vol-list", "--pool", pool).split("\n")).map(String::trim)
                .filter(line -> line.startsWith(domain + "-")).map(line -> line.split("\\s+")[0]).toList();
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }

    private static String fingerprint(String key) {
        return SshPublicKey.parse("key", key).fingerprint();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Provisioning steps timed so far (Prometheus: virtpanel_operation_steps_seconds_count{operation="provision"}). */
    long provisionSteps() {
        return meters.find("virtpanel.operation.steps").tag("operation", "provision").timers().stream().mapToLong(Timer::count).sum();
    }
}
