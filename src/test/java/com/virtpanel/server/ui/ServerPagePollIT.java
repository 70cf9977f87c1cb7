package com.virtpanel.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.UiTab;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VaadinUi;
import com.virtpanel.testkit.WebLogin;
import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server page's poll (every 4 s, through Vaadin's own protocol as the browser speaks it)
 * sends nothing when nothing changed, and still shows a change: ten customers at once, each on
 * their own server's page. The page makes only the opened tab's sections. The servers are
 * database rows: the page reads only the database.
 */
@IntegrationTest
class ServerPagePollIT {

    @Autowired Users users;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Value("${local.server.port}") int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPollSendsNothingWhenNothingChangedAndStillShowsAChange() throws Exception {
        List<String> sessions = new ArrayList<>();
        List<Long> serverIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AccountSummary customer = users.newCustomer();
            serverIds.add(seedServer(customer.id(), "poll-" + i));
            sessions.add(WebLogin.sessionId(port, customer.email(), Users.PASSWORD));
        }
        Together.run(10, n -> {
            visit(sessions.get(n), serverIds.get(n), "poll-" + n, "10.99.0." + (10 + n));
            return null;
        });
    }

    /** The seeded rows count against the host's capacity in this (shared, cached) context: gone afterwards. */
    @AfterEach
    void deleteSeededServers() {
        jdbc.update("update server set status = 'DELETED', deleted_at = ?, active_name = null where domain_name like 'vp-poll-%'",
                Timestamp.from(Instant.now()));
    }

    private void visit(String session, long serverId, String name, String newAddress) throws Exception {
        UiTab tab = UiTab.open(http, port, session, "servers/" + serverId);
        String page = tab.send(VaadinUi.navigate("servers/" + serverId, ""));
        assertThat(page).contains(name).contains("server-specs");
        assertThat(page).as("the other tabs are offered, their sections not made yet")
                .contains("tab-backups").contains("tab-recovery").doesNotContain("backup-list").doesNotContain("iso-choice");

        String quiet = tab.send(VaadinUi.POLL);
        assertThat(quiet).doesNotContain(name).doesNotContain("server-specs");

        jdbc.update("update server set ipv4 = ? where id = ?", newAddress, serverId);
        String changed = tab.send(VaadinUi.POLL);
        assertThat(changed).contains(newAddress);

        String backups = tab.send(VaadinUi.navigate("servers/" + serverId, "tab=backups"));
        assertThat(backups).as("a tab opened by its address").contains("backup-list").doesNotContain("iso-choice");
    }

    private long seedServer(long accountId, String name) {
        long plan = catalog.plans().get(0).id();
        long image = catalog.orderableImage("demo").id();
        String domain = "vp-poll-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, "
                + "status_changed_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'RUNNING', ?, '52:54:00:00:00:02', ?, ?, ?)",
                accountId, name, domain, plan, image, domain, now, now, now);
        return jdbc.queryForObject("select id from server where domain_name = ?", Long.class, domain);
    }
}
