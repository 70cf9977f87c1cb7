package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the throttle banner on every page reads: a customer's own throttled servers (CPU or
 * traffic), not their calm ones and nobody else's; ten customers at once. The servers are
 * stopped database rows with their quota state: nothing on the host reconciles them.
 */
@IntegrationTest
class ThrottledServersIT {

    @Autowired Users users;
    @Autowired QuotaService quota;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @Test
    void eachCustomerReadsTheirOwnThrottledServersOnly() {
        List<AccountSummary> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AccountSummary customer = users.newCustomer();
            customers.add(customer);
            seed(customer.id(), "cpu-" + i, true, false);
            seed(customer.id(), "traffic-" + i, false, true);
            seed(customer.id(), "calm-" + i, false, false);
        }
        Together.run(10, n -> {
            List<ThrottledServer> mine = Users.as(customers.get(n), quota::mine);
            assertThat(mine).extracting(ThrottledServer::serverName).containsExactlyInAnyOrder("cpu-" + n, "traffic-" + n);
            assertThat(mine).allMatch(s -> s.accountId() == customers.get(n).id());
            return null;
        });
        assertThat(Users.as(users.newCustomer(), quota::mine)).as("a customer without servers").isEmpty();
    }

    @AfterEach
    void deleteSeededServers() {
        jdbc.update("delete from quota_state where server_id in (select id from server where domain_name like 'vp-throttled-%')");
        jdbc.update("update server set status = 'DELETED', deleted_at = ?, active_name = null where domain_name like 'vp-throttled-%'",
                Timestamp.from(Instant.now()));
    }

    private void seed(long accountId, String name, boolean cpuThrottled, boolean trafficThrottled) {
        String domain = "vp-throttled-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, "
                + "status_changed_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'STOPPED', ?, '52:54:00:00:00:03', ?, ?, ?)",
                accountId, name, domain, catalog.plans().get(0).id(), catalog.orderableImage("demo").id(), domain, now, now, now);
        long serverId = jdbc.queryForObject("select id from server where domain_name = ?", Long.class, domain);
        jdbc.update("insert into quota_state (server_id, credits, cpu_throttled, cpu_throttled_since, traffic_period_start, "
                + "traffic_bytes, traffic_throttled, traffic_throttled_since, updated_at) values (?, 0, ?, ?, ?, 0, ?, ?, ?)",
                serverId, cpuThrottled, cpuThrottled ? now : null, now, trafficThrottled, trafficThrottled ? now : null, now);
    }
}
