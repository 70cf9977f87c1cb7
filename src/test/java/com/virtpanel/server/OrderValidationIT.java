package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.CapacityException;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.host.Volumes;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad orders are refused with a message that says why, and leave nothing behind. */
@IntegrationTest
class OrderValidationIT {

    static final String KEY = OrderToRunningIT.KEY;

    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired ServerChanges serverChanges;
    @Autowired ServerDirectory directory;
    @Autowired CatalogService catalog;
    @Autowired Volumes volumes;
    @Autowired Users users;
    @Autowired JdbcTemplate db;

    @Test
    void invalidHostnamesAreRefusedWithTheReason() {
        AccountSummary carol = users.newCustomer();
        for (String bad : List.of("", "-web", "web-", "we_b", "a..b", "x".repeat(64), "héllo", "web 1", "1234")) {
            assertRefused(carol, new OrderRequest(bad, "nano", "demo", List.of(KEY), null, null), "name");
        }
    }

    @Test
    void invalidSshKeysAreRefusedWithTheReason() {
        AccountSummary carol = users.newCustomer();
        String weakRsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7 x";
        for (String bad : List.of("not a key", "ssh-ed25519 !!!notbase64", "ssh-dss AAAAB3NzaC1kc3MAAACBAP", weakRsa,
                "-----BEGIN OPENSSH PRIVATE KEY-----")) {
            assertRefused(carol, new OrderRequest("web", "nano", "demo", List.of(bad), null, null), "ssh_keys");
        }
    }

    @Test
    void anOrderWithoutAnyWayToLogInIsRefused() {
        assertRefused(users.newCustomer(), new OrderRequest("web", "nano", "demo", List.of(), null, null), "ssh_keys");
    }

    @Test
    void unknownPlansAndImagesAreRefused() {
        AccountSummary carol = users.newCustomer();
        assertRefused(carol, new OrderRequest("web", "galactic", "demo", List.of(KEY), null, null), "plan");
        assertRefused(carol, new OrderRequest("web", "nano", "windows-95", List.of(KEY), null, null), "image");
    }

    @Test
    void anOrderTheHostCannotHoldIsRefusedAndNothingIsCreated() {
        var huge = Users.as(users.admin(), () -> catalog.createPlan(new PlanDraft("huge-" + System.nanoTime() % 100000,
                "Huge", 64, 1024 * 1024, 100, 100, 1024, 1000, 100, 500, 100, 1000, 10, null, 100000, "EUR")));
        AccountSummary carol = users.newCustomer();
        int before = directory.live().size();
        assertThatThrownBy(() -> Users.as(carol, () -> serverOrders.order(new OrderRequest("big", huge.name(), "demo", List.of(KEY), null, null))))
                .isInstanceOf(CapacityException.class)
                .hasMessageContaining("no room");
        assertThat(directory.live()).hasSize(before);
    }

    @Test
    void aSecondOrderWithTheSameKeyReturnsTheFirstServer() {
        AccountSummary dave = users.newCustomer();
        var request = new OrderRequest("twice", "nano", "demo", List.of(KEY), null, "order-key-" + System.nanoTime());
        ServerInfo first = Users.as(dave, () -> serverOrders.order(request));
        ServerInfo second = Users.as(dave, () -> serverOrders.order(request));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(Users.as(dave, () -> servers.list())).hasSize(1);
        Users.as(dave, () -> awaitSettledAndDelete(first.id()));
    }

    @Test
    void aCustomerCannotHaveTwoServersWithTheSameName() {
        AccountSummary erin = users.newCustomer();
        ServerInfo first = Users.as(erin, () -> serverOrders.order(new OrderRequest("same", "nano", "demo", List.of(KEY), null, null)));
        assertThatThrownBy(() -> Users.as(erin, () -> serverOrders.order(new OrderRequest("same", "nano", "demo", List.of(KEY), null, null))))
                .isInstanceOf(ConflictException.class);
        Users.as(erin, () -> awaitSettledAndDelete(first.id()));
    }

    @Test
    void tenSimultaneousOrdersWithOneOrderKeyMakeOneServerWithOneQuotaState() throws Exception {
        AccountSummary frank = users.newCustomer();
        var request = new OrderRequest("burst", "nano", "demo", List.of(KEY), null, "order-key-" + System.nanoTime());
        List<Object> answers = together(10, i -> Users.as(frank, () -> serverOrders.order(request)));
        assertThat(answers).allSatisfy(a -> assertThat(a).isInstanceOf(ServerInfo.class));
        long id = ((ServerInfo) answers.get(0)).id();
        assertThat(answers).allSatisfy(a -> assertThat(((ServerInfo) a).id()).isEqualTo(id));
        assertThat(Users.as(frank, () -> servers.list())).hasSize(1);
        com.virtpanel.testkit.Await.until("the quota state of server " + id, Duration.ofSeconds(30),
                () -> quotaStates(id), n -> n > 0);
        assertThat(quotaStates(id)).isEqualTo(1);
        Users.as(frank, () -> awaitSettledAndDelete(id));
    }

    @Test
    void tenSimultaneousOrdersOfOneNameMakeOneServerAndNineConflicts() throws Exception {
        AccountSummary grace = users.newCustomer();
        List<Object> answers = together(10, i -> Users.as(grace, () -> serverOrders.order(
                new OrderRequest("same-time", "nano", "demo", List.of(KEY), null, "key-" + i + "-" + System.nanoTime()))));
        List<ServerInfo> ordered = answers.stream().filter(ServerInfo.class::isInstance).map(ServerInfo.class::cast).toList();
        assertThat(ordered).hasSize(1);
        assertThat(answers).filteredOn(ConflictException.class::isInstance).hasSize(9)
                .allSatisfy(e -> assertThat(((ConflictException) e).userMessage()).contains("same-time"));
        assertThat(Users.as(grace, () -> servers.list())).hasSize(1);
        Users.as(grace, () -> awaitSettledAndDelete(ordered.get(0).id()));
    }

    @Test
    void aDeletedServersIpv4AddressAndIpv6NetworkRestForTheCoolDownBeforeAnotherServerGetsThem() {
        AccountSummary heidi = users.newCustomer();
        ServerInfo first = Users.as(heidi, () -> serverOrders.order(new OrderRequest("v6-first", "nano", "demo", List.of(KEY), null, null)));
        assertThat(first.ipv6()).endsWith("::1");
        Users.as(heidi, () -> awaitSettledAndDelete(first.id()));

        ServerInfo second = Users.as(heidi, () -> serverOrders.order(new OrderRequest("v6-second", "nano", "demo", List.of(KEY), null, null)));
        assertThat(second.ipv6()).as("a /64 released a moment ago is not handed out").isNotEqualTo(first.ipv6());
        assertThat(second.ipv4()).as("nor an IPv4 address").isNotEqualTo(first.ipv4());

        // the cool-down (panel.network.release-cooldown, 1 h) is over: the /64 is free again
        db.update("UPDATE server SET deleted_at = deleted_at - INTERVAL '2' HOUR WHERE id = ?", first.id());
        ServerInfo third = Users.as(heidi, () -> serverOrders.order(new OrderRequest("v6-third", "nano", "demo", List.of(KEY), null, null)));
        assertThat(third.ipv6()).isEqualTo(first.ipv6());
        assertThat(third.ipv4()).isEqualTo(first.ipv4());
        Users.as(heidi, () -> awaitSettledAndDelete(second.id()));
        Users.as(heidi, () -> awaitSettledAndDelete(third.id()));
    }

    /** Runs n calls at the same moment; each answer, or the exception it threw. */
    private static List<Object> together(int n, IntFunction<Object> call) {
        return Together.run(n, index -> {
            try {
                return call.apply(index);
            } catch (RuntimeException e) {
                return e;
            }
        });
    }

    private int quotaStates(long serverId) {
        return db.queryForObject("SELECT COUNT(*) FROM quota_state WHERE server_id = ?", Integer.class, serverId);
    }

    private void assertRefused(AccountSummary who, OrderRequest request, String field) {
        int before = directory.live().size();
        assertThatThrownBy(() -> Users.as(who, () -> serverOrders.order(request)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.userMessage()).isNotBlank().doesNotContain("Exception");
                });
        assertThat(directory.live()).hasSize(before);
    }

    private void awaitSettledAndDelete(long id) {
        com.virtpanel.testkit.Await.until("server " + id + " to settle", java.time.Duration.ofSeconds(90),
                () -> servers.get(id), s -> !s.busy());
        serverChanges.delete(id);
        com.virtpanel.testkit.Await.until("server " + id + " to be deleted", java.time.Duration.ofSeconds(90),
                () -> directory.find(id).orElseThrow().status(), s -> s == ServerStatus.DELETED);
        assertThat(volumes.list(directory.find(id).orElseThrow().domain() + "-")).isEmpty();
    }
}
