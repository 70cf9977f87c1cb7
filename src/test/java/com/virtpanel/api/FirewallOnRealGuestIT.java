package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.host.HostProperties;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VerifiedEmails;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer's firewall on a real guest, through the API over real HTTP: the guest listens on
 * two ports (its user data starts two busybox listeners); a firewall that accepts one port from
 * the host's address lets the host reach that port and nothing else (not the other port, not
 * ping), and replies on the accepted connection pass. The rule's IPv4 network says nothing
 * for IPv6: the guest's IPv6 address stays closed until a rule for "::/0" opens the port there. A rule deleted on the host comes back
 * by the reconciler, audited; detached, both ports answer again; the firewall holds across a
 * {@code virsh destroy} + {@code virsh start} outside the panel. Someone else's firewall or
 * server is 404. One guest; traffic only between this machine and its own guest, bounded.
 */
@IntegrationTest
@DemoGuests
class FirewallOnRealGuestIT {

    static final Duration STEP = Duration.ofSeconds(240);
    static final int OPEN = 7001;
    static final int CLOSED = 7002;

    @LocalServerPort int port;
    @Autowired Guests guests;
    @Autowired JdbcTemplate jdbc;
    @Autowired HostProperties host;

    HttpApi api;

    @Test
    void aFirewallLetsInOnlyWhatItAcceptsAndComesBackWhenTheHostLosesIt() {
        api = new HttpApi(port);
        String ownerEmail = "fw-owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String owner = tokenOfNewCustomer(ownerEmail);
        String stranger = tokenOfNewCustomer("fw-stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        String script = "#!/bin/sh\n"
                + "for p in " + OPEN + " " + CLOSED + "; do printf '#!/bin/sh\\necho hello-%s\\n' $p > /tmp/answer-$p;"
                + " chmod +x /tmp/answer-$p; nc -ll -p $p -e /tmp/answer-$p & done\n"
                + "echo firewall-listeners-up > /dev/ttyS0\n";
        var ordered = api.post("/api/v1/servers", owner, MockApi.json(Map.of("name", "fw-guest", "plan", "nano",
                "image", "demo", "ssh_keys", List.of(com.virtpanel.testkit.TestKeys.ED25519), "user_data", script)));
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(202);
        long serverId = ordered.json().get("id").asLong();
        String address = ordered.json().get("ipv4").asText();
        String address6 = ordered.json().get("ipv6").asText();
        String domain = awaitStatus(owner, serverId, "running").get("domain").asText();
        guests.awaitSerial(domain, "firewall-listeners-up", STEP);
        String hostAddress = com.virtpanel.host.AddressPlan.of(host.network().cidr()).gateway();

        // no firewall: open as before
        Await.until("both listeners to answer over IPv4 and IPv6", Duration.ofSeconds(60), () -> answer(address, OPEN) != null
                && answer(address, CLOSED) != null && answer(address6, OPEN) != null, ok -> ok);

        // bad input: a clear field error, nothing stored
        var bad = api.post("/api/v1/firewalls", owner, rulesJson("web", "tcp", "70000", hostAddress + "/32"));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("rules[0].port");
        assertThat(api.get("/api/v1/firewalls", owner).json()).isEmpty();

        var created = api.post("/api/v1/firewalls", owner, rulesJson("web", "tcp", String.valueOf(OPEN), hostAddress + "/32"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long firewallId = created.json().get("id").asLong();
        assertThat(created.json().get("rules").get(0).get("cidrs").get(0).asText()).isEqualTo(hostAddress + "/32");

        // someone else's firewall and server are not there for a stranger
        assertThat(api.get("/api/v1/firewalls/" + firewallId, stranger).status()).isEqualTo(404);
        long strangersFirewall = api.post("/api/v1/firewalls", stranger, rulesJson("mine", "tcp", "22", "0.0.0.0/0"))
                .json().get("id").asLong();
        var foreignServer = api.post("/api/v1/firewalls/" + strangersFirewall + "/servers", stranger,
                MockApi.json(Map.of("server_id", serverId)));
        assertThat(foreignServer.status()).as(foreignServer.toString()).isEqualTo(404);
        assertThat(api.post("/api/v1/firewalls/" + firewallId + "/servers", stranger,
                MockApi.json(Map.of("server_id", serverId))).status()).isEqualTo(404);

        var attached = api.post("/api/v1/firewalls/" + firewallId + "/servers", owner, MockApi.json(Map.of("server_id", serverId)));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        awaitFirewall(owner, serverId, "applied");

        assertThat(answer(address, OPEN)).as("the accepted port, and its replies").isEqualTo("hello-" + OPEN);
        assertThat(answer(address, CLOSED)).as("a port no rule accepts").isNull();
        assertThat(pings(address)).as("ping, which no rule accepts").isFalse();
        assertThat(answer(address6, OPEN)).as("the port over IPv6, which an IPv4 rule does not open").isNull();

        // a rule deleted on the host comes back with the next reconcile pass, logged in the audit
        String chain = "in_" + address.replace('.', '_');
        Shell.run("nft", "flush", "chain", "inet", "virtpanel_fw", chain);
        Await.until("the reconciler to put the rules back", Duration.ofSeconds(60),
                () -> Shell.run("nft", "list", "chain", "inet", "virtpanel_fw", chain).output(), s -> s.contains("drop"));
        assertThat(answer(address, CLOSED)).isNull();
        assertThat(answer(address, OPEN)).isEqualTo("hello-" + OPEN);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'network.firewall-repaired' and server_id = ?",
                Integer.class, serverId)).isPositive();
        assertThat(jdbc.queryForList("select action from audit_event where server_id = ?", String.class, serverId))
                .contains("network.firewall-attached");

        // a second rule for every IPv6 peer opens the port over IPv6 too, and only that port
        Map<String, Object> v4 = rule("tcp", String.valueOf(OPEN), hostAddress + "/32");
        Map<String, Object> v6 = rule("tcp", String.valueOf(OPEN), "::/0");
        var changed = api.put("/api/v1/firewalls/" + firewallId, owner, MockApi.json(Map.of("name", "web", "rules", List.of(v4, v6))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        awaitFirewall(owner, serverId, "applied");
        Await.until("the port to answer over IPv6", Duration.ofSeconds(30), () -> answer(address6, OPEN), ("hello-" + OPEN)::equals);
        assertThat(answer(address6, CLOSED)).as("another port over IPv6").isNull();

        // detached: open again
        assertThat(api.delete("/api/v1/firewalls/" + firewallId + "/servers/" + serverId, owner).status()).isEqualTo(200);
        Await.until("both ports to answer after the detach", Duration.ofSeconds(30),
                () -> answer(address, CLOSED) != null && answer(address, OPEN) != null && pings(address), ok -> ok);

        // attached again, then restarted outside the panel: still filtered (the table is the host's, not the guest's)
        api.post("/api/v1/firewalls/" + firewallId + "/servers", owner, MockApi.json(Map.of("server_id", serverId)));
        awaitFirewall(owner, serverId, "applied");
        Shell.virsh("destroy", domain);
        Shell.virshStart(domain);
        Await.until("a second boot", STEP, () -> guests.serial(domain), s -> s.contains("virtpanel-demo ready"));
        // the user data's listeners ran once per instance and are gone: an open guest refuses the port at once,
        // a filtered one does not answer (a ping would not do: the earlier pings' conntrack entry may still be live)
        assertThat(silent(address, CLOSED)).as("a port no rule accepts, after a restart outside the panel").isTrue();
        assertThat(silent(address, OPEN)).as("the accepted port is refused by the guest, not dropped").isFalse();
        assertThat(api.get("/api/v1/servers/" + serverId, owner).json().get("firewalls").get(0).get("status").asText())
                .isEqualTo("applied");

        // in the browser: a second firewall, a rule added, attached to the server, "applied" there and on the server page
        try (Browser browser = Browser.open(port)) {
            browser.signIn(ownerEmail, Users.PASSWORD);
            browser.go("/firewalls");
            browser.type("firewall-name", "ssh-only");
            browser.click("firewall-create");
            long id = Await.until("the new firewall", Duration.ofSeconds(30), () -> {
                for (JsonNode f : api.get("/api/v1/firewalls", owner).json()) {
                    if (f.get("name").asText().equals("ssh-only")) {
                        return f.get("id").asLong();
                    }
                }
                return null;
            }, java.util.Objects::nonNull);
            browser.type("firewall-port-" + id, "22");
            browser.type("firewall-cidrs-" + id, hostAddress + "/32");
            browser.click("firewall-add-rule-" + id);
            browser.waitFor(d -> browser.allText("firewall-rules-" + id).contains(hostAddress + "/32") ? true : null);
            browser.click("firewall-server-" + id);
            browser.click(By.xpath("//vaadin-select-item[contains(., 'fw-guest')]"));
            browser.click("firewall-attach-" + id);
            browser.waitFor(d -> "applied".equals(d.findElement(By.id("firewall-status-" + id + "-" + serverId)).getText()) ? true : null);
            browser.go("/servers/" + serverId + "?tab=network");
            browser.waitFor(d -> "applied".equals(d.findElement(By.id("server-firewall-" + id)).getText()) ? true : null);
            assertThat(api.get("/api/v1/firewalls/" + id, owner).json().get("rules").get(0).get("port").asText()).isEqualTo("22");
        }
    }

    private String tokenOfNewCustomer(String email) {
        String credentials = MockApi.json(Map.of("email", email, "password", Users.PASSWORD));
        assertThat(api.post("/api/v1/accounts", null, credentials).status()).isEqualTo(201);
        VerifiedEmails.verify(jdbc, email);
        return api.post("/api/v1/auth/token", null, credentials).json().get("token").asText();
    }

    static String rulesJson(String name, String protocol, String port, String cidr) {
        return MockApi.json(Map.of("name", name, "rules", List.of(rule(protocol, port, cidr))));
    }

    static Map<String, Object> rule(String protocol, String port, String cidr) {
        Map<String, Object> rule = new java.util.HashMap<>(Map.of("direction", "in", "protocol", protocol, "cidrs", List.of(cidr)));
        rule.put("port", port);
        return rule;
    }

    private JsonNode awaitStatus(String token, long id, String status) {
        return Await.until("server " + id + " to be " + status, STEP, () -> {
            JsonNode server = api.get("/api/v1/servers/" + id, token).json();
            if ("failed".equals(server.path("status").asText())) {
                throw new AssertionError("server failed: " + server.path("failure_reason").asText());
            }
            return server;
        }, s -> status.equals(s.path("status").asText()));
    }

    private void awaitFirewall(String token, long serverId, String status) {
        Await.until("the firewall to be " + status, Duration.ofSeconds(30),
                () -> api.get("/api/v1/servers/" + serverId, token).json().path("firewalls").path(0).path("status").asText(),
                status::equals);
    }

    /** What the listener says on a fresh connection from the host, or null when it cannot be reached (bounded). */
    static String answer(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            socket.setSoTimeout(3000);
            InputStream in = socket.getInputStream();
            String text = new String(in.readNBytes(64), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether a connection attempt goes unanswered (dropped), rather than being accepted or refused. */
    static boolean silent(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3000);
            return false;
        } catch (java.net.SocketTimeoutException dropped) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    static boolean pings(String address) {
        try {
            return InetAddress.getByName(address).isReachable(2000);
        } catch (IOException e) {
            return false;
        }
    }
}
