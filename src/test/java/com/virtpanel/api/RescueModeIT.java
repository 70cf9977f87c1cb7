package com.virtpanel.api;

import com.virtpanel.testkit.Together;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.host.Domains;
import com.virtpanel.host.HostProperties;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.GuestDisk;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.RescueImage;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.SshClient;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VerifiedEmails;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rescue mode on a real guest (qemu:///system), through the REST API: a file written onto the
 * server's disk beforehand is read over SSH from the rescue system, which has the disk as
 * /dev/vdb; leaving rescue boots the disk again; a rescue system shut down from inside ends
 * rescue mode by itself. Bad input (someone else's server, twice, not in rescue) changes nothing.
 */
@IntegrationTest
class RescueModeIT {

    static final Duration STEP = Duration.ofMinutes(6);
    static final String MARKER = "written-before-rescue-" + UUID.randomUUID();

    @LocalServerPort int port;
    @Autowired Guests guests;
    @Autowired Domains domains;
    @Autowired HostProperties host;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    HttpApi api;
    static SshClient ssh;

    @BeforeAll
    static void images() {
        DemoImage.require();
        RescueImage.require();
        ssh = SshClient.withNewKey();
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
        if (ssh != null) {
            ssh.close();
        }
    }

    @Test
    void theRescueSystemReadsTheServersDiskOverSshAndLeavingItBootsTheDiskAgain() throws Exception {
        api = new HttpApi(port);
        String alice = token("rescue-a");
        String bob = token("rescue-b");
        var ordered = api.post("/api/v1/servers", alice, MockApi.json(Map.of("name", "web-1", "plan", "nano",
                "image", "demo", "ssh_keys", List.of(ssh.publicKey()))));
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(202);
        long id = ordered.json().get("id").asLong();
        JsonNode server = awaitStatus(alice, id, "running");
        String domain = server.get("domain").asText();
        String ipv4 = server.get("ipv4").asText();
        guests.awaitSerial(domain, "virtpanel-demo ready");

        // a file on the server's disk, written while it is off
        assertThat(post(alice, id, "poweroff", null).status()).isEqualTo(202);
        awaitStatus(alice, id, "stopped");
        GuestDisk.write(host.storage().poolDir().resolve(domain + "-disk-1.qcow2"), "/rescue-marker", MARKER);

        // bad input first: not in rescue, someone else's server, an unknown field
        var notInRescue = post(alice, id, "leave_rescue", null);
        assertThat(notInRescue.status()).isEqualTo(409);
        assertThat(notInRescue.json().get("detail").asText()).contains("not in rescue mode");
        assertThat(post(bob, id, "rescue", null).status()).isEqualTo(404);
        assertThat(post(alice, id, "rescue", "{\"passwd\":true}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/servers/" + id, alice).json().get("status").asText()).isEqualTo("stopped");

        // ten simultaneous requests: exactly one boots into rescue, the others are told it is busy
        List<MockApi.Reply> replies = Together.run(10, i -> post(alice, id, "rescue", null));
        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(9);
        MockApi.Reply accepted = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(accepted.json().has("root_password")).as("keys suffice: no password").isFalse();
        assertThat(accepted.headers().get("cache-control")).contains("no-store");

        awaitStatus(alice, id, "rescue");
        String xml = Shell.virsh("dumpxml", domain);
        assertThat(xml).contains("rescue-vmlinuz").contains("<on_reboot>destroy</on_reboot>")
                .contains("<target dev='vdb' bus='virtio'/>").contains("<graphics type='vnc'");
        assertThat(domains.vnc(domain)).as("the console works in rescue").isPresent();
        assertThat(api.post("/api/v1/servers/" + id + "/console", alice, null).status()).isEqualTo(200);
        assertThat(post(alice, id, "rescue", null).status()).as("twice").isEqualTo(409);
        assertThat(post(alice, id, "reboot", null).status()).isEqualTo(409);

        Shell.Result read = Await.until("SSH into the rescue system at " + ipv4, STEP,
                () -> ssh.run("root", ipv4, "mount /dev/vdb /mnt && cat /mnt/rescue-marker; umount /mnt"), Shell.Result::ok);
        assertThat(read.output()).contains(MARKER);
        assertThat(ssh.run("root", ipv4, "cat /etc/os-release 2>/dev/null; hostname").output()).contains("web-1");

        // leave: the server boots from its disk again, with one disk and no rescue kernel
        assertThat(post(bob, id, "leave_rescue", null).status()).isEqualTo(404);
        assertThat(post(alice, id, "leave_rescue", null).status()).isEqualTo(202);
        awaitStatus(alice, id, "running");
        guests.awaitSerial(domain, "virtpanel-demo ready");
        String normal = Shell.virsh("dumpxml", domain);
        assertThat(normal).doesNotContain("rescue-vmlinuz").doesNotContain("rescue-initrd").doesNotContain(domain + "-rescue.iso")
                .contains("<on_reboot>restart</on_reboot>");
        assertThat(Pattern.compile("<disk type='file' device='disk'>").matcher(normal).results().count()).isEqualTo(1);
        assertThat(Shell.virsh("vol-list", "--pool", host.storage().pool())).doesNotContain(domain + "-rescue");

        // with a one-time password, shown once; shutting the rescue system down from inside ends rescue mode
        var withPassword = post(alice, id, "rescue", "{\"password\":true}");
        assertThat(withPassword.status()).as(withPassword.toString()).isEqualTo(200);
        String password = withPassword.json().get("root_password").asText();
        assertThat(password).hasSize(20);
        JsonNode inRescue = awaitStatus(alice, id, "rescue");
        assertThat(inRescue.toString()).doesNotContain(password);
        Await.until("the rescue system's SSH at " + ipv4, STEP, () -> ssh.run("root", ipv4, "true"), Shell.Result::ok);
        ssh.run("root", ipv4, "poweroff"); // the connection may drop before an answer
        awaitStatus(alice, id, "running");
        assertThat(Shell.virsh("dumpxml", domain)).doesNotContain("rescue-vmlinuz");

        List<String> audit = jdbc.queryForList("SELECT action FROM audit_event WHERE server_id = ? ORDER BY id", String.class, id);
        assertThat(audit).contains("server.rescue", "server.rescue-started", "server.leave-rescue", "server.rescue-ended");
        assertThat(jdbc.queryForList("SELECT COALESCE(detail, '') FROM audit_event WHERE server_id = ?", String.class, id))
                .anyMatch(d -> d.contains("automatic: the rescue system stopped"))
                .noneMatch(d -> d.contains(password));
    }

    private MockApi.Reply post(String token, long id, String action, String json) {
        return api.post("/api/v1/servers/" + id + "/actions/" + action, token, json);
    }

    private String token(String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String credentials = MockApi.json(Map.of("email", email, "password", Users.PASSWORD));
        assertThat(api.post("/api/v1/accounts", null, credentials).status()).isEqualTo(201);
        VerifiedEmails.verify(jdbc, email);
        return api.post("/api/v1/auth/token", null, credentials).json().get("token").asText();
    }

    private JsonNode awaitStatus(String token, long id, String status) {
        return Await.until("server " + id + " to be " + status, STEP, () -> {
            JsonNode server = api.get("/api/v1/servers/" + id, token).json();
            if ("failed".equals(server.path("status").asText())) {
                throw new AssertionError("server failed: " + server.path("failure_reason").asText());
            }
            return server;
        }, s -> status.equals(s.path("status").asText()) && s.path("progress").asInt() == 100);
    }
}
