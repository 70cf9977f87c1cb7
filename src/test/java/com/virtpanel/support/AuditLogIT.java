package com.virtpanel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Role;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.console.ConsoleEvents;
import com.virtpanel.quota.QuotaEvents;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.data.repository.CrudRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The audit log: written by listeners with both identities, filtered for admins, and append-only. */
@IntegrationTest
class AuditLogIT {

    static final String KEY = ImpersonationEndpointIT.KEY;

    @Autowired WebApplicationContext context;
    @Autowired Users users;
    @Autowired AuditService audit;
    @Autowired AccountService accounts;
    @Autowired SshKeyService sshKeys;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void whatSupportDoesAsACustomerIsAuditedWithBothIdentitiesAndListedForTheCustomer() throws Exception {
        AccountSummary customer = users.newCustomer();
        AccountSummary support = users.newStaff(Role.SUPPORT);
        MockHttpSession session = SignedIn.session(support);
        mvc.perform(post(Impersonation.SWITCH_PATH).session(session).with(csrf()).param(Impersonation.USERNAME, customer.email())
                .param(Impersonation.REASON, "ticket 99: key missing").param(Impersonation.READ_ONLY, "false"));
        SignedIn.as(session, () -> sshKeys.add("support-added", KEY));
        mvc.perform(post(Impersonation.EXIT_PATH).session(session).with(csrf()));

        List<AuditEntry> rows = search(new AuditFilter(customer.email(), null, AuditAction.SSH_KEY_ADDED, null, null, 10));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.actorEmail()).isEqualTo(support.email());
            assertThat(row.effectiveEmail()).isEqualTo(customer.email());
            assertThat(row.impersonated()).isTrue();
            assertThat(row.reason()).isEqualTo("ticket 99: key missing");
            assertThat(row.subjectAccountId()).isEqualTo(customer.id());
        });

        List<StaffVisit> visits = Users.as(customer, () -> audit.staffVisitsToMe());
        assertThat(visits).singleElement().satisfies(visit -> {
            assertThat(visit.staffEmail()).isEqualTo(support.email());
            assertThat(visit.reason()).isEqualTo("ticket 99: key missing");
            assertThat(visit.endedAt()).isNotNull();
            assertThat(visit.actions()).extracting(AuditEntry::label).containsExactly("SSH key added");
        });
        assertThat(Users.as(support, () -> audit.staffVisitsToMe())).isEmpty();
    }

    @Test
    void aCustomersOwnActionsAreAuditedAsTheirsAndAreNoStaffVisit() {
        AccountSummary customer = users.newCustomer();
        Users.as(customer, () -> sshKeys.add("mine", KEY));
        assertThat(search(new AuditFilter(customer.email(), null, AuditAction.SSH_KEY_ADDED, null, null, 10)))
                .singleElement().satisfies(row -> {
                    assertThat(row.actorAccountId()).isEqualTo(customer.id());
                    assertThat(row.impersonated()).isFalse();
                });
        assertThat(Users.as(customer, () -> audit.staffVisitsToMe())).isEmpty();
    }

    @Test
    void signInsAndFailedSignInsAreAudited() throws Exception {
        AccountSummary customer = users.newCustomer();
        mvc.perform(formLogin("/login").user(customer.email()).password("not-the-password-1"));
        mvc.perform(formLogin("/login").user(customer.email()).password(Users.PASSWORD));

        assertThat(search(new AuditFilter(customer.email(), null, AuditAction.LOGIN_FAILED, null, null, 10)))
                .singleElement().satisfies(row -> {
                    assertThat(row.subjectAccountId()).isEqualTo(customer.id());
                    assertThat(row.detail()).isEqualTo("wrong email or password");
                    assertThat(row.clientIp()).isEqualTo("127.0.0.1");
                });
        assertThat(search(new AuditFilter(customer.email(), null, AuditAction.LOGIN, null, null, 10)))
                .singleElement().satisfies(row -> assertThat(row.actorAccountId()).isEqualTo(customer.id()));
    }

    @Test
    void repeatedWrongPasswordsAtTheLoginFormAreSlowedDownAndAuditedAsOneRowNotOnePerGuess() throws Exception {
        AccountSummary customer = users.newCustomer();
        for (int i = 0; i < 6; i++) {
            mvc.perform(formLogin("/login").user(customer.email()).password("wrong-guess-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // Even the right password waits: it is not checked while the account is held back.
        mvc.perform(formLogin("/login").user(customer.email()).password(Users.PASSWORD))
                .andExpect(redirectedUrlPattern("/login?wait=*"));

        assertThat(search(new AuditFilter(customer.email(), null, AuditAction.LOGIN_FAILED, null, null, 10))).hasSize(1);
        assertThat(search(new AuditFilter(customer.email(), null, AuditAction.LOGIN, null, null, 10))).isEmpty();
    }

    @Test
    void consoleSessionsAndQuotaActionsAreAuditedWithBothIdentities(@Autowired ApplicationEventPublisher events) {
        AccountSummary customer = users.newCustomer();
        AccountSummary agent = users.newStaff(Role.SUPPORT);
        long serverId = 900_000L + (System.nanoTime() % 100_000);
        Instant opened = Instant.now();
        events.publishEvent(new ConsoleEvents.Opened("c-1", serverId, customer.id(), customer.id(), customer.email(),
                agent.id(), agent.email(), "127.0.0.1", opened));
        events.publishEvent(new ConsoleEvents.Closed("c-1", serverId, customer.id(), customer.id(), customer.email(),
                agent.id(), agent.email(), "127.0.0.1", opened, opened.plusSeconds(42), Duration.ofSeconds(42), "closed"));
        events.publishEvent(new QuotaEvents.LimitRepaired(serverId, customer.id(), "vp-x", "vcpu_quota", "-1", "50000"));
        events.publishEvent(new QuotaEvents.CpuThrottled(serverId, customer.id(), 10));

        List<AuditEntry> rows = search(new AuditFilter(null, serverId, null, null, null, 50));
        assertThat(rows).filteredOn(r -> r.is(AuditAction.CONSOLE_OPENED)).singleElement().satisfies(r -> {
            assertThat(r.actorEmail()).isEqualTo(agent.email());
            assertThat(r.effectiveEmail()).isEqualTo(customer.email());
            assertThat(r.impersonated()).isTrue();
            assertThat(r.clientIp()).isEqualTo("127.0.0.1");
        });
        assertThat(rows).filteredOn(r -> r.is(AuditAction.CONSOLE_CLOSED)).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("closed", "42 s"));
        assertThat(rows).filteredOn(r -> r.is(AuditAction.LIMITS_REPAIRED)).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("vcpu_quota", "-1", "50000"));
        assertThat(rows).filteredOn(r -> r.is(AuditAction.THROTTLED)).singleElement()
                .satisfies(r -> assertThat(r.subjectAccountId()).isEqualTo(customer.id()));
    }

    @Test
    void adminChangesAreAuditedWithTheAdmin() {
        AccountSummary admin = users.admin();
        AccountSummary customer = users.newCustomer();
        String plan = "audit-" + UUID.randomUUID().toString().substring(0, 6);
        Users.as(admin, () -> catalog.createPlan(new PlanDraft(plan, "Audited", 1, 512, 5, 100, 1024, 500, 50, 500, 100,
                1000, 10, null, 100, "EUR")));
        Users.as(admin, () -> accounts.suspend(customer.id()));

        assertThat(search(new AuditFilter(null, null, AuditAction.PLAN_CREATED, null, null, 50)))
                .filteredOn(r -> plan.equals(r.target())).singleElement()
                .satisfies(r -> assertThat(r.actorEmail()).isEqualTo(admin.email()));
        assertThat(search(new AuditFilter(customer.email(), null, AuditAction.ACCOUNT_SUSPENDED, null, null, 10)))
                .singleElement().satisfies(r -> {
                    assertThat(r.actorEmail()).isEqualTo(admin.email());
                    assertThat(r.subjectAccountId()).isEqualTo(customer.id());
                });
    }

    @Test
    void theAdminViewFiltersByTimeRange() {
        AccountSummary customer = users.newCustomer();
        Instant before = Instant.now().minusSeconds(1);
        Users.as(customer, () -> sshKeys.add("timed", KEY));
        Instant after = Instant.now().plusSeconds(1);
        var filter = new AuditFilter(customer.email(), null, null, before, after, 10);
        assertThat(search(filter)).extracting(AuditEntry::action).contains(AuditAction.SSH_KEY_ADDED.code());
        assertThat(search(new AuditFilter(customer.email(), null, null, after, null, 10))).isEmpty();
        assertThat(search(new AuditFilter(customer.email(), null, null, null, before, 10))).isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRows() {
        AccountSummary customer = users.newCustomer();
        Users.as(customer, () -> sshKeys.add("guarded", KEY));
        long id = search(new AuditFilter(customer.email(), null, AuditAction.SSH_KEY_ADDED, null, null, 1)).get(0).id();

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor_email = 'someone-else' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT actor_email FROM audit_event WHERE id = ?", String.class, id))
                .isEqualTo(customer.email());
    }

    @Test
    void anActionWhoseAuditRowCannotBeWrittenIsRefusedAndLeavesNothingBehind() {
        AccountSummary customer = users.newCustomer();
        jdbc.execute("ALTER TABLE audit_event RENAME TO audit_event_paused");
        try {
            assertThatThrownBy(() -> Users.as(customer, () -> sshKeys.add("unaudited", KEY)))
                    .isInstanceOf(com.virtpanel.base.UnavailableException.class).hasMessageContaining("audit log");
        } finally {
            jdbc.execute("ALTER TABLE audit_event_paused RENAME TO audit_event");
        }
        assertThat(Users.as(customer, () -> sshKeys.mine())).isEmpty();
    }

    @Test
    void theRepositoryHasNoWayToChangeOrDeleteRows() {
        assertThat(CrudRepository.class.isAssignableFrom(AuditRepository.class)).isFalse();
        List<String> methods = Arrays.stream(AuditRepository.class.getMethods()).map(Method::getName).toList();
        assertThat(methods).noneMatch(m -> m.startsWith("delete") || m.startsWith("remove") || m.startsWith("update")
                || m.startsWith("saveAll"));
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        assertThatThrownBy(() -> Users.as(users.newCustomer(), () -> audit.search(AuditFilter.any())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> Users.as(users.newStaff(Role.SUPPORT), () -> audit.search(AuditFilter.any())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private List<AuditEntry> search(AuditFilter filter) {
        return Users.as(users.admin(), () -> audit.search(filter));
    }
}
