package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.catalog.IsoInfo;
import com.virtpanel.catalog.IsoLibrary;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.BootableIso;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Booting a real demo server from an ISO through the REST API: a small bootable ISO is built
 * from Debian's packages, added to the admins' library, and the server boots it once (its banner
 * on the serial console); the reboot after it is from the disk again; eject takes it out. Ten
 * simultaneous boot requests start one boot; the refusals change nothing. One guest for the class.
 */
@IntegrationTest
class IsoBootIT {

    static final Duration STEP = Duration.ofSeconds(240);
    static final String DEMO_READY = "virtpanel-demo ready";

    @TempDir static Path work;
    static Path isoFile;
    static String banner;

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired IsoLibrary library;
    @Autowired com.virtpanel.catalog.CatalogService catalog;
    @Autowired Guests guests;
    @Autowired JdbcTemplate db;

    @BeforeAll
    static void bootableIso() throws Exception {
        DemoImage.require();
        banner = "VIRTPANEL-TEST-ISO-" + UUID.randomUUID().toString().substring(0, 8);
        isoFile = BootableIso.build(work, banner);
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void aServerBootsOnceFromALibraryIsoThenFromItsDiskAndTheIsoIsEjected() throws Exception {
        HttpApi api = new HttpApi(port);
        AccountSummary admin = users.admin();
        AccountSummary customer = users.newCustomer();
        String token = tokens.issueSessionToken(customer.id()).token();
        String stranger = tokens.issueSessionToken(users.newCustomer().id()).token();

        // the admin's library refuses a wrong checksum and a file that is no ISO, and keeps nothing of them
        String sha = BootableIso.sha256(isoFile);
        String wrongSha = sha.substring(0, 63) + (sha.endsWith("0") ? "1" : "0");
        Path notIso = work.resolve("not.iso");
        Files.write(notIso, new byte[64 * 1024]);
        int before = Users.as(admin, () -> library.library()).size();
        assertThat(refusal(() -> Users.as(admin, () -> library.register("bad-sum", isoFile.toString(), wrongSha))))
                .contains("SHA-256");
        assertThat(refusal(() -> Users.as(admin, () -> library.register("not-iso", notIso.toString(), BootableIso.sha256(notIso)))))
                .contains("not an ISO");
        assertThat(Users.as(admin, () -> library.library())).hasSize(before);

        IsoInfo iso = Users.as(admin, () -> library.register("test-iso-" + banner.substring(19), isoFile.toString(), sha));
        assertThat(iso.ready()).isTrue();
        assertThat(Path.of(iso.path())).exists();
        JsonNode visible = api.get("/api/v1/isos", token).json();
        assertThat(visible.findValuesAsText("name")).contains(iso.name());

        var order = api.post("/api/v1/servers", token, MockApi.json(Map.of("name", "iso-boot", "plan", "nano", "image", "demo",
                "ssh_keys", List.of(TestKeys.ED25519))));
        assertThat(order.status()).as(order.toString()).isEqualTo(202);
        long id = order.json().get("id").asLong();
        String domain = awaitStatus(api, token, id, "running").get("domain").asText();
        guests.awaitSerial(domain, DEMO_READY, STEP);

        // own ISOs from a URL: only with a plan that includes them, and only from public addresses
        String ownIso = MockApi.json(Map.of("name", "mine", "url", "http://127.0.0.1:9/x.iso"));
        var noOwnIsos = api.post("/api/v1/isos", token, ownIso);
        assertThat(noOwnIsos.status()).as(noOwnIsos.toString()).isEqualTo(409);
        long nano = Users.as(admin, () -> catalog.orderablePlan("nano")).id();
        Users.as(admin, () -> catalog.setCustomerIso(nano, true));
        try {
            var privateUrl = api.post("/api/v1/isos", token, ownIso);
            assertThat(privateUrl.status()).as(privateUrl.toString()).isEqualTo(400);
            assertThat(privateUrl.body()).contains("not a public Internet address");
            assertThat(api.post("/api/v1/isos", token, MockApi.json(Map.of("name", "x", "url", "ftp://example.com/x.iso")))
                    .status()).isEqualTo(400);
        } finally {
            Users.as(admin, () -> catalog.setCustomerIso(nano, false));
        }
        assertThat(api.get("/api/v1/isos", token).json().findValuesAsText("owner")).containsOnly("library");
        assertThat(api.delete("/api/v1/isos/" + iso.id(), token).status()).as("a library ISO is not the customer's").isEqualTo(404);

        // refusals: someone else's server, no ISO, an unknown ISO, eject with none attached
        String boot = "/api/v1/servers/" + id + "/actions/boot_iso";
        assertThat(api.post(boot, stranger, "{\"iso\":" + iso.id() + "}").status()).isEqualTo(404);
        assertThat(api.post(boot, token, "{}").status()).isEqualTo(400);
        var unknown = api.post(boot, token, "{\"iso\":987654}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no ISO 987654");
        var noIso = api.post("/api/v1/servers/" + id + "/actions/eject", token, null);
        assertThat(noIso.status()).isEqualTo(409);
        assertThat(noIso.body()).contains("No ISO is attached");
        assertThat(Shell.virsh("dumpxml", "--inactive", domain)).doesNotContain(iso.path());

        // ten boot requests at the same moment: one boot, the others refused as busy
        List<MockApi.Reply> replies = Together.run(10, i -> api.post(boot, token, "{\"iso\":" + iso.id() + "}"));
        assertThat(replies.stream().filter(r -> r.status() == 202).count()).as(replies.toString()).isEqualTo(1);
        assertThat(replies).filteredOn(r -> r.status() != 202).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body()).contains("busy");
        });
        awaitStatus(api, token, id, "running");
        guests.awaitSerial(domain, banner, STEP);
        assertThat(guests.serial(domain)).doesNotContain(DEMO_READY);
        JsonNode attached = api.get("/api/v1/servers/" + id + "/iso", token).json().get("iso");
        assertThat(attached.get("id").asLong()).isEqualTo(iso.id());
        assertThat(attached.get("keep_booting").asBoolean()).isFalse();
        // stored for the next start: the disk (the demo's direct kernel boot) first, the ISO still in the drive
        String stored = Shell.virsh("dumpxml", "--inactive", domain);
        assertThat(stored).contains(iso.path(), "<kernel>").doesNotContain("<boot order='1'/>");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM audit_event WHERE server_id = ? AND action = 'server.iso-boot'",
                Integer.class, id)).isEqualTo(1);
        // an admin cannot pull an attached ISO from under a server
        assertThat(refusal(() -> Users.as(admin, () -> {
            library.removeFromLibrary(iso.id());
            return null;
        }))).contains("attached");

        // the reboot after it is from the disk
        assertThat(api.post("/api/v1/servers/" + id + "/actions/reboot", token, null).status()).isEqualTo(202);
        guests.awaitSerial(domain, DEMO_READY, STEP);
        assertThat(guests.serial(domain)).doesNotContain(banner);

        // eject: gone from the stored definition and from the running guest's drive
        assertThat(api.post("/api/v1/servers/" + id + "/actions/eject", token, null).status()).isEqualTo(202);
        Await.until("the ISO to be ejected", STEP, () -> api.get("/api/v1/servers/" + id + "/iso", token).json(),
                j -> j.get("iso").isNull());
        assertThat(awaitStatus(api, token, id, "running")).isNotNull();
        assertThat(Shell.virsh("dumpxml", "--inactive", domain)).doesNotContain(iso.path());
        assertThat(Shell.virsh("dumpxml", domain)).doesNotContain(iso.path());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM audit_event WHERE server_id = ? AND action IN "
                + "('server.iso-booted', 'server.iso-eject', 'server.iso-ejected')", Integer.class, id)).isEqualTo(3);

        // while the server is being reinstalled: refused, nothing changed
        assertThat(api.post("/api/v1/servers/" + id + "/actions/reinstall", token, "{\"image\":\"demo\"}").status()).isEqualTo(202);
        var during = api.post(boot, token, "{\"iso\":" + iso.id() + "}");
        assertThat(during.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/servers/" + id + "/iso", token).json().get("iso").isNull()).isTrue();
        awaitStatus(api, token, id, "running");
        assertThat(Shell.virsh("dumpxml", "--inactive", domain)).doesNotContain(iso.path());
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (com.virtpanel.base.PanelException e) {
            return e.userMessage();
        }
        throw new AssertionError("expected a refusal");
    }

    private static JsonNode awaitStatus(HttpApi api, String token, long id, String status) {
        return Await.until("server " + id + " to be " + status, STEP, () -> api.get("/api/v1/servers/" + id, token).json(),
                j -> status.equals(j.path("status").asText()));
    }
}
