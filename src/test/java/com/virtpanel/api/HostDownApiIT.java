package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.hosts.HostSchedulers;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.fleet.Fleets;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hosts in the table: this panel's own, and "far" whose heartbeat is stale (in maintenance, so
 * no order lands there), with one server placed on each. Over real HTTP the far server reads
 * "unreachable" and every request to act on it is refused with the host message (ten at once: all
 * refused, the row untouched) while the local server reboots; staff see far down with the reason.
 * A fresh heartbeat reporting libvirt lost keeps it down (other reason, still one audit row);
 * a good one brings it back by itself: its status shows again, maintenance shows again, and
 * an action passes the gate.
 */
@IntegrationTest
class HostDownApiIT {

    static final String HOST_MESSAGE = "The host of this server cannot be reached right now";

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate db;
    @Autowired ServerOrders orders;
    @Autowired ServerChanges changes;
    @Autowired ServerDirectory directory;
    @Autowired Guests guests;
    @Autowired ApplicationContext context;
    @Autowired HostSchedulers schedulers;

    @Test
    void aServerOnADownHostIsUnreachableAndRefusesActionsUntilItsHostIsBackWhileTheLocalOneWorks() throws Exception {
        HttpApi api = new HttpApi(port);
        String admin = Users.as(users.admin(), () -> tokens.createPersonal("host-down", null)).token();
        AccountSummary customer = users.newCustomer();
        String token = tokens.issueSessionToken(customer.id()).token();
        String far = "far-" + System.nanoTime();
        Instant now = Instant.now();
        db.update("INSERT INTO hosts (name, state, memory_mib, disk_gib, vcpus, cpu_overcommit, memory_overcommit, "
                + "memory_reserve_mib, disk_overcommit, management_address, last_heartbeat, created) "
                + "VALUES (?, 'MAINTENANCE', 8192, 100, 4, 16, 1, 0, 1, 'qemu+tcp://far.internal/system', ?, ?)",
                far, Timestamp.from(now.minus(Duration.ofMinutes(10))), Timestamp.from(now.minus(Duration.ofHours(1))));
        ServerInfo local = Users.as(customer, () -> orders.order(new OrderRequest("near", "nano", "demo",
                List.of(TestKeys.ED25519), null, null)));
        long farId = 0;
        try {
            assertThat(db.queryForObject("SELECT host FROM server WHERE id = ?", String.class, local.id()))
                    .isEqualTo(Fleets.localHost(context));
            farId = insertServerOn(far, customer, local.id());
            long farServer = farId;
            local = guests.awaitStatus(customer, local.id(), ServerStatus.RUNNING);

            // the customer reads "unreachable", never the host
            JsonNode shown = api.get("/api/v1/servers/" + farServer, token).json();
            assertThat(shown.get("status").asText()).isEqualTo("unreachable");
            assertThat(shown.has("host") && !shown.get("host").isNull()).as("no host for customers").isFalse();
            assertThat(api.get("/api/v1/servers/" + local.id(), token).json().get("status").asText()).isEqualTo("running");
            assertThat(api.get("/api/v1/servers", token).body()).contains("\"unreachable\"").doesNotContain(far);
            // staff read where each server lives
            assertThat(api.get("/api/v1/servers/" + farServer, admin).json().get("host").asText()).isEqualTo(far);
            assertThat(api.get("/api/v1/servers/" + local.id(), admin).json().get("host").asText())
                    .isEqualTo(Fleets.localHost(context));

            // refused with the message, the local one works
            var refused = api.post("/api/v1/servers/" + farServer + "/actions/reboot", token, "");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).contains(HOST_MESSAGE).doesNotContain(far);
            // moving servers is an admin's: a customer is refused; nothing moves off a host nobody can reach, and
            // no host takes the local one (far is in maintenance)
            assertThat(api.post("/api/v1/servers/" + local.id() + "/actions/migrate", token, "").status()).isEqualTo(403);
            var stuck = api.post("/api/v1/servers/" + farServer + "/actions/migrate", admin, "");
            assertThat(stuck.status()).as(stuck.toString()).isEqualTo(503);
            assertThat(stuck.body()).contains(HOST_MESSAGE);
            var nowhere = api.post("/api/v1/servers/" + local.id() + "/actions/migrate", admin, "{\"host\":\"" + far + "\"}");
            assertThat(nowhere.status()).as(nowhere.toString()).isEqualTo(409);
            assertThat(nowhere.isProblem()).isTrue();
            var rebooted = api.post("/api/v1/servers/" + local.id() + "/actions/reboot", token, "");
            assertThat(rebooted.status()).as(rebooted.toString()).isEqualTo(202);

            // ten at once: all refused, nothing changed
            Map<String, Object> before = row(farServer);
            List<MockApi.Reply> replies = Together.run(10, i -> api.post("/api/v1/servers/" + farServer + "/actions/"
                    + List.of("reboot", "shutdown", "poweroff", "reset", "start").get(i % 5), token, ""));
            assertThat(replies).allSatisfy(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(503);
                assertThat(r.body()).contains(HOST_MESSAGE);
            });
            assertThat(api.delete("/api/v1/servers/" + farServer, token).status()).isEqualTo(503);
            assertThat(api.post("/api/v1/servers/" + farServer + "/console", token, "").body()).contains(HOST_MESSAGE);
            assertThat(api.post("/api/v1/servers/" + farServer + "/backups", token, "").body()).contains(HOST_MESSAGE);
            assertThat(row(farServer)).isEqualTo(before);

            // staff: down, why, and the chosen state underneath; noted once however often the watch looks
            JsonNode host = host(api, admin, far);
            assertThat(host.get("state").asText()).isEqualTo("DOWN");
            assertThat(host.get("chosen_state").asText()).isEqualTo("MAINTENANCE");
            assertThat(host.get("down").get("reason").asText()).isEqualTo("no-heartbeat");
            assertThat(host.get("down").get("since").isNull()).isFalse();
            Fleets.look(context);
            Fleets.look(context);
            assertThat(audits("fleet.host-down", far)).isEqualTo(1);

            // a live panel there that lost its libvirtd: still down, now for that reason
            db.update("UPDATE hosts SET last_heartbeat = ?, libvirt_reachable = FALSE, libvirt_problem = 'connection refused', "
                    + "libvirt_lost_at = ? WHERE name = ?", Timestamp.from(Instant.now()), Timestamp.from(Instant.now().minusSeconds(600)), far);
            host = host(api, admin, far);
            assertThat(host.get("state").asText()).isEqualTo("DOWN");
            assertThat(host.get("down").get("reason").asText()).isEqualTo("libvirt-unreachable");
            assertThat(host.get("down").get("detail").asText()).isEqualTo("connection refused");
            assertThat(api.post("/api/v1/servers/" + farServer + "/actions/reboot", token, "").status()).isEqualTo(503);
            Fleets.look(context);
            assertThat(audits("fleet.host-down", far)).isEqualTo(1);

            // back by itself: a good heartbeat is all it takes
            db.update("UPDATE hosts SET last_heartbeat = ?, libvirt_reachable = TRUE, libvirt_problem = NULL, libvirt_lost_at = NULL "
                    + "WHERE name = ?", Timestamp.from(Instant.now()), far);
            assertThat(api.get("/api/v1/servers/" + farServer, token).json().get("status").asText()).isEqualTo("running");
            host = host(api, admin, far);
            assertThat(host.get("state").asText()).isEqualTo("MAINTENANCE");
            assertThat(host.get("down").isNull()).isTrue();
            Fleets.look(context);
            Fleets.look(context);
            assertThat(audits("fleet.host-back", far)).isEqualTo(1);
            // the gate lets it through, and the work goes to far's own scheduler: no instance here runs it
            var deleted = api.delete("/api/v1/servers/" + farServer, token);
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(202);
            JobKey farJob = JobKey.jobKey("server-" + farServer, "server-operations");
            assertThat(schedulers.of(far).checkExists(farJob)).as("stored for far").isTrue();
            assertThat(schedulers.local().checkExists(farJob)).as("not for this host").isFalse();
            Await.sleep(3000);
            assertThat(directory.find(farServer).orElseThrow().status()).isEqualTo(ServerStatus.DELETING);
        } finally {
            if (farId != 0) {
                deleteQuietly(far, farId);
                db.update("UPDATE server SET status = 'DELETED', active_name = NULL, operation = NULL WHERE id = ? "
                        + "AND status <> 'DELETED'", farId);
            }
            db.update("DELETE FROM hosts WHERE name = ?", far);
            long localId = local.id();
            Users.as(customer, () -> {
                Await.until("local server to settle", Duration.ofSeconds(180), () -> directory.find(localId).orElseThrow(),
                        s -> !s.status().isBusy() && s.status() != ServerStatus.REBOOTING);
                changes.delete(localId);
                Await.until("local server deleted", Duration.ofSeconds(120), () -> directory.find(localId).orElseThrow().status(),
                        s -> s == ServerStatus.DELETED);
            });
        }
    }

    private void deleteQuietly(String host, long serverId) {
        try {
            schedulers.of(host).deleteJob(JobKey.jobKey("server-" + serverId, "server-operations"));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server row on {@code host}, like the local one but its own: what a far host's order left in the shared database. */
    private long insertServerOn(String host, AccountSummary owner, long like) {
        Map<String, Object> model = db.queryForMap("SELECT plan_id, image_id FROM server WHERE id = ?", like);
        String name = "far" + (System.nanoTime() % 100000);
        Timestamp now = Timestamp.from(Instant.now());
        db.update("INSERT INTO server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, host, "
                + "status_changed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, '52:54:00:fa:00:01', ?, ?, ?, ?)",
                owner.id(), name, owner.id() + "/" + name, model.get("plan_id"), model.get("image_id"), "vp-hd-" + name, host, now,
                now, now);
        return db.queryForObject("SELECT id FROM server WHERE domain_name = ?", Long.class, "vp-hd-" + name);
    }

    private Map<String, Object> row(long id) {
        return db.queryForMap("SELECT status, operation, operation_step, updated_at, status_changed_at, version FROM server "
                + "WHERE id = ?", id);
    }

    private static JsonNode host(HttpApi api, String admin, String name) {
        var reply = api.get("/api/v1/hosts", admin);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode h : reply.json()) {
            if (h.get("name").asText().equals(name)) {
                return h;
            }
        }
        throw new AssertionError("no host " + name + " in " + reply);
    }

    private int audits(String action, String target) {
        return db.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target = ?", Integer.class, action, target);
    }
}
