package com.virtpanel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerPower;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** What the admin pages do, on a real guest: suspend and unsuspend customers; plans in use stay. */
@IntegrationTest
@DemoGuests
class AdminAreaIT {

    static final String KEY = ImpersonationEndpointIT.KEY;

    /** One customer with one server on a plan of its own, shared by the tests (a guest boot is dear here). */
    static AccountSummary customer;
    static PlanInfo plan;
    static ServerInfo server;

    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired AccountService accounts;
    @Autowired CatalogService catalog;
    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired ServerPower serverPower;
    @Autowired AuditService audit;
    @Autowired WebApplicationContext context;

    @BeforeEach
    void customerWithAServer() {
        if (server != null) {
            return;
        }
        customer = users.newCustomer();
        String name = "adm-" + UUID.randomUUID().toString().substring(0, 6);
        plan = Users.as(users.admin(), () -> catalog.createPlan(new PlanDraft(name, "Admin test", 1, 256, 2, 50, 512, 200,
                20, 250, 100, 1000, 10, null, 300, "EUR")));
        server = Users.as(customer, () -> serverOrders.order(new OrderRequest("db-1", name, "demo", List.of(KEY), null, null)));
        guests.awaitStatus(customer, server.id(), ServerStatus.RUNNING);
    }

    @Test
    void suspendingACustomerStopsTheirServersAndLocksThemOutUntilUnsuspended() throws Exception {
        ensureRunning();
        Users.as(users.admin(), () -> accounts.suspend(customer.id()));

        guests.awaitStatus(customer, server.id(), ServerStatus.STOPPED);
        assertThat(Shell.virsh("domstate", server.domain())).isEqualTo("shut off");
        assertThatThrownBy(() -> Users.as(customer, () -> serverPower.start(server.id())))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("suspended");
        var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mvc.perform(formLogin("/login").user(customer.email()).password(Users.PASSWORD));
        assertThat(Users.as(users.admin(), () -> audit.search(new AuditFilter(customer.email(), null, AuditAction.LOGIN_FAILED,
                null, null, 5)))).extracting(AuditEntry::detail).contains("account suspended");

        AccountSummary back = Users.as(users.admin(), () -> accounts.unsuspend(customer.id()));
        assertThat(back.status()).isEqualTo(AccountStatus.ACTIVE);
        start();
        guests.awaitStatus(customer, server.id(), ServerStatus.RUNNING);
    }

    @Test
    void aPlanInUseCannotBeDeletedOnlyRetired() {
        assertThatThrownBy(() -> Users.as(users.admin(), () -> catalog.deletePlan(plan.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Retire it instead");

        Users.as(users.admin(), () -> catalog.retirePlan(plan.id()));
        assertThatThrownBy(() -> catalog.orderablePlan(plan.name())).isInstanceOf(InvalidInputException.class);
        assertThat(Users.as(customer, () -> servers.get(server.id())).plan()).isEqualTo(plan.name());

        Users.as(users.admin(), () -> catalog.reactivatePlan(plan.id()));
        assertThat(catalog.orderablePlan(plan.name()).id()).isEqualTo(plan.id());
    }

    private void start() {
        Users.as(customer, () -> serverPower.start(server.id()));
    }

    private void ensureRunning() {
        ServerInfo now = Users.as(customer, () -> servers.get(server.id()));
        if (now.status() == ServerStatus.STOPPED) {
            start();
        }
        Await.until("server running", Duration.ofSeconds(90), () -> Users.as(customer, () -> servers.get(server.id())),
                s -> s.status() == ServerStatus.RUNNING);
    }
}
