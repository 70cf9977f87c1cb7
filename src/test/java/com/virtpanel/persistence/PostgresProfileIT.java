package com.virtpanel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountService;
import com.virtpanel.base.ConflictException;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/** The panel on PostgreSQL: schema validated by Hibernate, constraints hold, Quartz clustered, an order runs. */
@PostgresIntegrationTest
class PostgresProfileIT {

    @Autowired DataSource dataSource;
    @Autowired Scheduler scheduler;
    @Autowired AccountService accounts;
    @Autowired ServerOrders serverOrders;
    @Autowired Users users;
    @Autowired Guests guests;

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void thePanelRunsOnPostgresWithAClusteredScheduler() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
    }

    @Test
    void uniqueEmailsAreEnforced() {
        var first = users.newCustomer();
        assertThatThrownBy(() -> accounts.signUp(first.email().toUpperCase(), Users.PASSWORD)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anOrderIsProvisionedThroughTheClusteredJobStore() {
        DemoImage.require();
        var owner = users.newCustomer();
        ServerInfo ordered = Users.as(owner, () -> serverOrders.order(new OrderRequest("pg-web", "nano", "demo",
                List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcfXypkxgr4HAcXQcoq6RaLI+VTJ7r5YW6hbyKiFY12 t@x"), null, null)));
        assertThat(ordered.ipv6()).as("the server's /64, allocated on PostgreSQL").endsWith("::1");
        ServerInfo running = guests.awaitStatus(owner, ordered.id(), ServerStatus.RUNNING);
        assertThat(Shell.virsh("domstate", running.domain())).isEqualTo("running");
        assertThat(guests.awaitSerial(running.domain(), "virtpanel-demo ready")).contains("hostname=pg-web");
    }
}
