package com.virtpanel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.PanelUser;
import com.virtpanel.account.Role;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.base.ForbiddenException;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** POST /impersonate and /impersonate/exit through the real security filter chains. */
@IntegrationTest
class ImpersonationEndpointIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D test@virtpanel";

    @Autowired WebApplicationContext context;
    @Autowired Users users;
    @Autowired AuditService audit;
    @Autowired AccountService accounts;
    @Autowired SshKeyService sshKeys;

    MockMvc mvc;
    AccountSummary customer;
    AccountSummary support;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        customer = users.newCustomer();
        support = users.newStaff(Role.SUPPORT);
    }

    @Test
    void supportActsAsACustomerWithAReasonThenExits() throws Exception {
        MockHttpSession session = SignedIn.session(support);

        switchTo(session, customer.email(), "ticket 4711: cannot reach the server", false)
                .andExpect(status().isFound()).andExpect(redirectedUrl(Impersonation.CUSTOMER_LANDING));
        assertThat(((PanelUser) SignedIn.authentication(session).getPrincipal()).accountId()).isEqualTo(customer.id());
        assertThat(SignedIn.grant(session)).hasValueSatisfying(grant -> {
            assertThat(grant.staffAccountId()).isEqualTo(support.id());
            assertThat(grant.reason()).isEqualTo("ticket 4711: cannot reach the server");
            assertThat(grant.readOnly()).isFalse();
        });
        assertThat(SignedIn.as(session, () -> accounts.me().id())).isEqualTo(customer.id());

        mvc.perform(post(Impersonation.EXIT_PATH).session(session).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/" + Impersonation.STAFF_ROUTE));
        assertThat(((PanelUser) SignedIn.authentication(session).getPrincipal()).accountId()).isEqualTo(support.id());
        assertThat(SignedIn.grant(session)).isEmpty();

        var rows = Users.as(users.admin(), () -> audit.search(new AuditFilter(support.email(), null, null, null, null, 50)));
        assertThat(rows).filteredOn(r -> r.is(AuditAction.IMPERSONATION_STARTED)).singleElement().satisfies(r -> {
            assertThat(r.actorAccountId()).isEqualTo(support.id());
            assertThat(r.effectiveAccountId()).isEqualTo(customer.id());
            assertThat(r.reason()).isEqualTo("ticket 4711: cannot reach the server");
        });
        assertThat(rows).filteredOn(r -> r.is(AuditAction.IMPERSONATION_ENDED)).hasSize(1);
    }

    @Test
    void theSwitchIsRefusedWithoutAReason() throws Exception {
        MockHttpSession session = SignedIn.session(support);
        switchTo(session, customer.email(), "   ", false)
                .andExpect(redirectedUrl("/support/customers?refused=" + ImpersonationRefusal.REASON_MISSING.code()));
        mvc.perform(post(Impersonation.SWITCH_PATH).session(session).with(csrf()).param(Impersonation.USERNAME, customer.email()))
                .andExpect(redirectedUrl("/support/customers?refused=" + ImpersonationRefusal.REASON_MISSING.code()));
        assertStillItself(session, support);
    }

    @Test
    void aCustomerCannotUseTheSwitchEndpoint() throws Exception {
        AccountSummary other = users.newCustomer();
        MockHttpSession session = SignedIn.session(customer);
        switchTo(session, other.email(), "curious", false).andExpect(status().isForbidden());
        assertStillItself(session, customer);
    }

    @Test
    void anonymousRequestsCannotSwitch() throws Exception {
        mvc.perform(post(Impersonation.SWITCH_PATH).with(csrf()).param(Impersonation.USERNAME, customer.email())
                .param(Impersonation.REASON, "none")).andExpect(status().isForbidden());
    }

    @Test
    void supportCannotImpersonateAnAdminOrAnotherStaffMember() throws Exception {
        MockHttpSession session = SignedIn.session(support);
        String notCustomer = "/support/customers?refused=" + ImpersonationRefusal.NOT_A_CUSTOMER.code();
        switchTo(session, users.admin().email(), "look at the admin", false).andExpect(redirectedUrl(notCustomer));
        switchTo(session, users.newStaff(Role.SUPPORT).email(), "look at a colleague", false).andExpect(redirectedUrl(notCustomer));
        switchTo(session, "nobody@example.com", "typo", false)
                .andExpect(redirectedUrl("/support/customers?refused=" + ImpersonationRefusal.UNKNOWN_ACCOUNT.code()));
        assertStillItself(session, support);
    }

    @Test
    void switchesDoNotNest() throws Exception {
        AccountSummary second = users.newCustomer();
        MockHttpSession session = SignedIn.session(support);
        switchTo(session, customer.email(), "first", false).andExpect(status().isFound());
        switchTo(session, second.email(), "second", false).andExpect(status().isForbidden());
        assertThat(((PanelUser) SignedIn.authentication(session).getPrincipal()).accountId()).isEqualTo(customer.id());
    }

    @Test
    void anAdminMayChooseAReadOnlySessionInWhichActionsAreRefused() throws Exception {
        MockHttpSession session = SignedIn.session(users.admin());
        switchTo(session, customer.email(), "audit of settings", true).andExpect(redirectedUrl(Impersonation.CUSTOMER_LANDING));
        assertThat(SignedIn.grant(session)).hasValueSatisfying(grant -> assertThat(grant.readOnly()).isTrue());
        assertThatThrownBy(() -> SignedIn.as(session, () -> sshKeys.add("laptop", KEY)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("read-only");
    }

    @Test
    void supportVisitsAreReadOnlyUnlessSupportAsksOtherwise() throws Exception {
        MockHttpSession session = SignedIn.session(support);
        mvc.perform(post(Impersonation.SWITCH_PATH).session(session).with(csrf()).param(Impersonation.USERNAME, customer.email())
                .param(Impersonation.REASON, "look only")).andExpect(redirectedUrl(Impersonation.CUSTOMER_LANDING));
        assertThat(SignedIn.grant(session)).hasValueSatisfying(grant -> assertThat(grant.readOnly()).isTrue());
        assertThatThrownBy(() -> SignedIn.as(session, () -> sshKeys.add("laptop", KEY)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("read-only");
    }

    @Test
    void adminVisitsAreReadWriteUnlessTheAdminAsksForReadOnly() throws Exception {
        MockHttpSession session = SignedIn.session(users.admin());
        mvc.perform(post(Impersonation.SWITCH_PATH).session(session).with(csrf()).param(Impersonation.USERNAME, customer.email())
                .param(Impersonation.REASON, "settings")).andExpect(redirectedUrl(Impersonation.CUSTOMER_LANDING));
        assertThat(SignedIn.grant(session)).hasValueSatisfying(grant -> assertThat(grant.readOnly()).isFalse());
    }

    @Test
    void theSwitchNeedsTheCsrfTokenAndAPost() throws Exception {
        MockHttpSession session = SignedIn.session(support);
        mvc.perform(post(Impersonation.SWITCH_PATH).session(session).param(Impersonation.USERNAME, customer.email())
                .param(Impersonation.REASON, "forged")).andExpect(status().isForbidden());
        try {
            mvc.perform(get(Impersonation.SWITCH_PATH).session(session).param(Impersonation.USERNAME, customer.email())
                    .param(Impersonation.REASON, "by link"));
        } catch (jakarta.servlet.ServletException notForMockRequests) {
            // The switch filter let the GET pass; what serves it then is Vaadin's servlet, which
            // Spring MVC reaches with a forward that Jetty performs on its own requests only.
            assertThat(notForMockRequests).rootCause().hasMessageContaining("could not find ServletContextRequest");
        }
        assertStillItself(session, support);
    }

    @Test
    void onlyASwitchedSessionCanExit() throws Exception {
        MockHttpSession session = SignedIn.session(support);
        mvc.perform(post(Impersonation.EXIT_PATH).session(session).with(csrf())).andExpect(status().isForbidden());
        assertStillItself(session, support);
    }

    @Test
    void aVisitEndsWithItsSessionOnSignOutOrTimeOut() throws Exception {
        MockHttpSession session = SignedIn.session(support);
        switchTo(session, customer.email(), "ticket 5150", false).andExpect(status().isFound());
        context.publishEvent(new HttpSessionDestroyedEvent(session));

        var ended = Users.as(users.admin(), () -> audit.search(new AuditFilter(support.email(), null,
                AuditAction.IMPERSONATION_ENDED, null, null, 5)));
        assertThat(ended).singleElement().satisfies(r -> {
            assertThat(r.actorAccountId()).isEqualTo(support.id());
            assertThat(r.effectiveAccountId()).isEqualTo(customer.id());
        });
    }

    @Test
    void signingOutDuringAVisitForgetsTheStaffMembersBrowserLoginNotTheCustomers(@Autowired JdbcTemplate jdbc) throws Exception {
        String staffSeries = UUID.randomUUID().toString();
        for (String[] login : List.of(new String[] {support.email(), staffSeries},
                new String[] {customer.email(), UUID.randomUUID().toString()})) {
            jdbc.update("INSERT INTO persistent_logins (username, series, token, last_used) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                    login[0], login[1], "t");
        }
        MockHttpSession session = SignedIn.session(support);
        switchTo(session, customer.email(), "ticket 6001", false).andExpect(status().isFound());

        // The staff member's browser carries its own remember-me cookie (from before staff were never remembered).
        String cookie = java.util.Base64.getEncoder().withoutPadding()
                .encodeToString((staffSeries + ":t").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(post("/logout").session(session).with(csrf())
                .cookie(new jakarta.servlet.http.Cookie("remember-me", cookie))).andExpect(status().is3xxRedirection());

        String count = "SELECT COUNT(*) FROM persistent_logins WHERE username = ?";
        assertThat(jdbc.queryForObject(count, Integer.class, support.email())).isZero();
        assertThat(jdbc.queryForObject(count, Integer.class, customer.email())).isEqualTo(1);
    }

    private ResultActions switchTo(MockHttpSession session, String email, String reason, boolean readOnly) throws Exception {
        return mvc.perform(post(Impersonation.SWITCH_PATH).session(session).with(csrf())
                .param(Impersonation.USERNAME, email).param(Impersonation.REASON, reason)
                .param(Impersonation.READ_ONLY, Boolean.toString(readOnly)));
    }

    private static void assertStillItself(MockHttpSession session, AccountSummary account) {
        assertThat(((PanelUser) SignedIn.authentication(session).getPrincipal()).accountId()).isEqualTo(account.id());
        assertThat(SignedIn.grant(session)).isEmpty();
    }
}
