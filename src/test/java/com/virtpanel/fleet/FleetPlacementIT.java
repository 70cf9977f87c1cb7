package com.virtpanel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.CapacityException;
import com.virtpanel.base.hosts.HostSchedulers;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders go through placement: the panel registered its own host; with that host in maintenance
 * an order is the usual "no room" refusal and leaves nothing behind, and after activate it is
 * placed on the host; ten simultaneous orders against a host with room for two place exactly two.
 */
@IntegrationTest
class FleetPlacementIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D test@virtpanel";

    @Autowired ServerOrders orders;
    @Autowired ServerService servers;
    @Autowired ServerChanges changes;
    @Autowired ServerDirectory directory;
    @Autowired CatalogService catalog;
    @Autowired FleetService fleet;
    @Autowired Heartbeat heartbeat;
    @Autowired HostSchedulers schedulers;
    @Autowired Users users;
    @Autowired JdbcTemplate db;

    @Test
    void theOnlyHostInMaintenanceRefusesOrdersUntilItIsActivatedAgain() {
        String host = heartbeat.localName();
        assertThat(Users.as(users.admin(), () -> fleet.list())).extracting(HostDetails::name).contains(host);
        AccountSummary carol = users.newCustomer();
        Users.as(users.admin(), () -> fleet.maintenance(host));
        try {
            int before = directory.live().size();
            assertThatThrownBy(() -> Users.as(carol, () -> orders.order(order("maint"))))
                    .isInstanceOf(CapacityException.class)
                    .hasMessageContaining("no room");
            assertThat(directory.live()).hasSize(before);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM server WHERE name = 'maint' AND account_id = ?", Integer.class,
                    carol.id())).isZero();
        } finally {
            Users.as(users.admin(), () -> fleet.activate(host));
        }
        ServerInfo placed = Users.as(carol, () -> orders.order(order("maint")));
        assertThat(db.queryForObject("SELECT host FROM server WHERE id = ?", String.class, placed.id())).isEqualTo(host);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target = ?", Integer.class, host)).isGreaterThanOrEqualTo(2);
        awaitSettledAndDelete(carol, placed.id());
    }

    @Test
    void tenSimultaneousOrdersAgainstAHostWithRoomForTwoPlaceExactlyTwo() throws Exception {
        String host = heartbeat.localName();
        JobKey beat = JobKey.jobKey("heartbeat-" + host, "fleet");
        schedulers.local().pauseJob(beat); // the heartbeat would write the real capacity back while the orders run
        List<Object> answers;
        List<AccountSummary> customers = java.util.stream.IntStream.range(0, 10).mapToObj(i -> users.newCustomer()).toList();
        try {
            long nanoMemory = catalog.orderablePlan("nano").memoryMib();
            long used = Users.as(users.admin(), () -> fleet.list()).stream().filter(h -> h.name().equals(host))
                    .findFirst().orElseThrow().usedMemoryMib();
            db.update("UPDATE hosts SET memory_mib = ?, memory_overcommit = 1.0, memory_reserve_mib = 0 WHERE name = ?",
                    used + 2 * nanoMemory, host);
            answers = Together.run(10, i -> {
                try {
                    return Users.as(customers.get(i), () -> orders.order(order("crowd")));
                } catch (RuntimeException e) {
                    return e;
                }
            });
        } finally {
            heartbeat.beat();
            schedulers.local().resumeJob(beat);
        }
        List<ServerInfo> placed = answers.stream().filter(ServerInfo.class::isInstance).map(ServerInfo.class::cast).toList();
        assertThat(placed).hasSize(2);
        assertThat(answers).filteredOn(a -> !(a instanceof ServerInfo))
                .hasSize(8)
                .allSatisfy(a -> assertThat(a).isInstanceOf(CapacityException.class));
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) instanceof ServerInfo s) {
                awaitSettledAndDelete(customers.get(i), s.id());
            }
        }
    }

    @Test
    void tenSimultaneousOrdersOfADedicatedPlanWithOneReservedCorePlaceExactlyOneAndLeaveNothingOfTheOthers() throws Exception {
        String host = heartbeat.localName();
        String plan = "dedi-" + System.nanoTime() % 100000;
        Users.as(users.admin(), () -> catalog.createPlan(new com.virtpanel.catalog.PlanDraft(plan, "Dedicated", 1, 256, 2, 100,
                512, 200, 20, 250, 100, 1000, 10, null, 900, "EUR").withDedicatedVcpus(1)));
        List<AccountSummary> customers = java.util.stream.IntStream.range(0, 10).mapToObj(i -> users.newCustomer()).toList();
        // core 1 of this 2-core machine reserved, as panel.host.dedicated-cores=1 would register it
        db.update("UPDATE hosts SET dedicated_cpuset = '1', dedicated_cores = 1 WHERE name = ?", host);
        List<Object> answers;
        try {
            answers = Together.run(10, i -> {
                try {
                    return Users.as(customers.get(i), () -> orders.order(new OrderRequest("own-core", plan, "demo", List.of(KEY),
                            null, null)));
                } catch (RuntimeException e) {
                    return e;
                }
            });
            List<ServerInfo> placed = answers.stream().filter(ServerInfo.class::isInstance).map(ServerInfo.class::cast).toList();
            assertThat(placed).hasSize(1);
            assertThat(answers).filteredOn(a -> !(a instanceof ServerInfo))
                    .hasSize(9)
                    .allSatisfy(a -> assertThat((Throwable) a).isInstanceOf(CapacityException.class)
                            .hasMessageContaining("no room").hasMessageContaining("dedicated core"));
            long id = placed.get(0).id();
            assertThat(db.queryForList("SELECT core FROM dedicated_core WHERE host = ? AND server_id = ?", Integer.class, host, id))
                    .containsExactly(1);
            // nothing of the nine refused: no server row, no core
            assertThat(db.queryForObject("SELECT COUNT(*) FROM server WHERE name = 'own-core'", Integer.class)).isEqualTo(1);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM dedicated_core", Integer.class)).isEqualTo(1);
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i) instanceof ServerInfo s) {
                    awaitSettledAndDelete(customers.get(i), s.id());
                }
            }
            assertThat(db.queryForObject("SELECT COUNT(*) FROM dedicated_core WHERE server_id = ?", Integer.class, id))
                    .as("a deleted server's core is free again").isZero();
        } finally {
            db.update("UPDATE hosts SET dedicated_cpuset = '', dedicated_cores = 0 WHERE name = ?", host);
        }
    }
    @Test
    void aPlanChangeThatDoesNotFitTheServersHostIsRefusedAndChangesNothing() throws Exception {
        String host = heartbeat.localName();
        AccountSummary dora = users.newCustomer();
        ServerInfo placed = Users.as(dora, () -> orders.order(order("grow")));
        Users.as(dora, () -> Await.until("server to settle", Duration.ofSeconds(120), () -> servers.get(placed.id()), s -> !s.busy()));
        JobKey beat = JobKey.jobKey("heartbeat-" + host, "fleet");
        schedulers.local().pauseJob(beat);
        try {
            long used = Users.as(users.admin(), () -> fleet.list()).stream().filter(h -> h.name().equals(host))
                    .findFirst().orElseThrow().usedMemoryMib();
            db.update("UPDATE hosts SET memory_mib = ?, memory_overcommit = 1.0, memory_reserve_mib = 0 WHERE name = ?",
                    used, host);
            assertThatThrownBy(() -> Users.as(dora, () -> changes.changePlan(placed.id(), "small")))
                    .isInstanceOf(CapacityException.class)
                    .hasMessageContaining("no room for the");
            ServerInfo after = Users.as(dora, () -> servers.get(placed.id()));
            assertThat(after.plan()).isEqualTo("nano");
            assertThat(after.busy()).isFalse();
        } finally {
            heartbeat.beat();
            schedulers.local().resumeJob(beat);
        }
        awaitSettledAndDelete(dora, placed.id());
    }


    private static OrderRequest order(String name) {
        return new OrderRequest(name, "nano", "demo", List.of(KEY), null, null);
    }

    private void awaitSettledAndDelete(AccountSummary owner, long id) {
        Users.as(owner, () -> {
            Await.until("server " + id + " to settle", Duration.ofSeconds(120), () -> servers.get(id), s -> !s.busy());
            changes.delete(id);
            Await.until("server " + id + " to be deleted", Duration.ofSeconds(120),
                    () -> directory.find(id).orElseThrow().status(), s -> s == ServerStatus.DELETED);
        });
    }
}
