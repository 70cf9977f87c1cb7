package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.security.RememberMe;
import com.virtpanel.testkit.HttpDevice;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sessions the user controls, over real HTTP: several "devices" sign in through the login form,
 * then the account's owner ends them from one of them (the service runs as it would inside that
 * device's Vaadin request: same user, same HTTP session id).
 */
@IntegrationTest
class SessionsIT {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired AccountService accounts;
    @Autowired SessionService sessions;
    @Autowired ApiTokenService tokens;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aPasswordChangeEndsOtherSessionsRememberedBrowsersAndTokensButKeepsThisSession() {
        AccountSummary customer = users.newCustomer();
        HttpDevice here = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        HttpDevice laptop = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        HttpDevice phone = new HttpDevice(port, PHONE).signIn(customer.email(), Users.PASSWORD, true);
        assertThat(phone.cookie(RememberMe.COOKIE)).isPresent();
        phone.closeBrowser();
        assertThat(phone.signedIn()).as("the remember-me cookie alone signs the phone back in").isTrue();
        phone.closeBrowser();
        String personal = Users.as(customer, () -> tokens.createPersonal("ci", java.time.Duration.ofDays(30))).token();
        String apiSession = tokens.issueSessionToken(customer.id()).token();
        assertThat(tokens.authenticate(personal)).isPresent();

        inSession(here, customer, () -> {
            accounts.changePassword(Users.PASSWORD, "Quartz-lantern-ferry-81");
            return null;
        });

        assertThat(here.signedIn()).as("the session that changed the password").isTrue();
        assertThat(laptop.signedIn()).as("another open session").isFalse();
        assertThat(phone.signedIn()).as("a remembered browser").isFalse();
        assertThat(tokens.check(personal)).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED, null));
        assertThat(tokens.check(apiSession)).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED, null));
        assertThat(inSession(here, customer, sessions::mine)).singleElement()
                .satisfies(s -> assertThat(s.current()).isTrue());
    }

    @Test
    void aSecondFactorChangeEndsTheSameAsAPasswordChange() {
        AccountSummary customer = users.newCustomer();
        HttpDevice here = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        HttpDevice laptop = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, true);
        String personal = Users.as(customer, () -> tokens.createPersonal("ci", null)).token();

        inSession(here, customer, () -> {
            events.publishEvent(new AccountEvents.SecondFactorChanged(customer.id(), "totp-enabled"));
            return null;
        });

        assertThat(here.signedIn()).isTrue();
        assertThat(laptop.signedIn()).isFalse();
        laptop.closeBrowser();
        assertThat(laptop.signedIn()).as("its remember-me cookie").isFalse();
        assertThat(tokens.authenticate(personal)).isEmpty();
    }

    @Test
    void theListShowsEachBrowserWithItsClientAndMarksThisSession() {
        AccountSummary customer = users.newCustomer();
        HttpDevice here = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        new HttpDevice(port, PHONE).signIn(customer.email(), Users.PASSWORD, true);
        tokens.issueSessionToken(customer.id());

        List<SignInSession> list = inSession(here, customer, sessions::mine);

        assertThat(list).hasSize(3);
        assertThat(list.get(0).current()).isTrue();
        assertThat(list.get(0).client()).isEqualTo("Firefox on Linux");
        assertThat(list.get(0).address()).isEqualTo("127.0.0.1");
        assertThat(list).filteredOn(s -> s.kind() == SignInSession.Kind.BROWSER && !s.current()).singleElement()
                .satisfies(s -> {
                    assertThat(s.client()).isEqualTo("Chrome on Android");
                    assertThat(s.keptSignedIn()).isTrue();
                    assertThat(s.startedAt()).isNotNull();
                });
        assertThat(list).filteredOn(s -> s.kind() == SignInSession.Kind.API).singleElement()
                .satisfies(s -> assertThat(s.expiresAt()).isNotNull());
    }

    @Test
    void endingOneSessionSignsOutOnlyThatBrowserAndItDoesNotSignItselfBackIn() {
        AccountSummary customer = users.newCustomer();
        HttpDevice here = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        HttpDevice laptop = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        HttpDevice phone = new HttpDevice(port, PHONE).signIn(customer.email(), Users.PASSWORD, true);

        SignInSession phoneRow = inSession(here, customer, sessions::mine).stream()
                .filter(s -> s.client().equals("Chrome on Android")).findFirst().orElseThrow();
        inSession(here, customer, () -> {
            sessions.revoke(phoneRow.id());
            return null;
        });

        assertThat(phone.signedIn()).as("the ended session, even with its remember-me cookie").isFalse();
        assertThat(laptop.signedIn()).isTrue();
        assertThat(here.signedIn()).isTrue();
        assertThat(inSession(here, customer, sessions::mine)).hasSize(2);
    }

    @Test
    void signingOutEverywhereElseKeepsOnlyThisSessionAndPersonalTokens() {
        AccountSummary customer = users.newCustomer();
        HttpDevice here = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, true);
        HttpDevice laptop = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        HttpDevice phone = new HttpDevice(port, PHONE).signIn(customer.email(), Users.PASSWORD, true);
        phone.closeBrowser();
        String apiSession = tokens.issueSessionToken(customer.id()).token();
        String personal = Users.as(customer, () -> tokens.createPersonal("backup script", null)).token();

        int ended = inSession(here, customer, sessions::signOutEverywhereElse);

        assertThat(ended).isEqualTo(3);
        assertThat(laptop.signedIn()).isFalse();
        assertThat(phone.signedIn()).isFalse();
        assertThat(tokens.authenticate(apiSession)).isEmpty();
        assertThat(tokens.authenticate(personal)).isPresent();
        assertThat(here.signedIn()).isTrue();
        here.closeBrowser();
        assertThat(here.signedIn()).as("this browser's own remember-me login stays").isTrue();
    }

    @Test
    void rememberMeIsOptInAndNeverForStaff() {
        AccountSummary customer = users.newCustomer();
        assertThat(new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false).cookie(RememberMe.COOKIE))
                .isEmpty();
        assertThat(new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, true).cookie(RememberMe.COOKIE))
                .isPresent();
        AccountSummary support = users.newStaff(Role.SUPPORT);
        assertThat(new HttpDevice(port, FIREFOX).signIn(support.email(), Users.PASSWORD, true).cookie(RememberMe.COOKIE))
                .isEmpty();
    }

    @Test
    void aSupportVisitMaySeeButNotEndTheCustomersSessions() {
        AccountSummary customer = users.newCustomer();
        new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        AccountSummary staff = users.newStaff(Role.ADMIN);
        var grant = new ImpersonationGrant(staff.id(), staff.email(), Role.ADMIN, "ticket 7", false);
        var visit = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                new PanelUser(customer.id(), customer.email(), "", Role.CUSTOMER, true), null,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_CUSTOMER"), grant));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(visit);
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            assertThat(sessions.mine()).hasSize(1);
            assertThat(sessions.mayEnd()).isFalse();
            assertThatThrownBy(sessions::signOutEverywhereElse).isInstanceOf(ForbiddenException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * A support visit is the staff member's session: the customer's "sign out everywhere else" and
     * password change neither count it nor end it. (Paths of the support module's switch-user chain.)
     */
    @Test
    void aSupportVisitSurvivesTheCustomerSigningOutEverywhereAndChangingTheirPassword() {
        AccountSummary customer = users.newCustomer();
        HttpDevice here = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        AccountSummary admin = users.newStaff(Role.ADMIN);
        HttpDevice staff = new HttpDevice(port, FIREFOX).signIn(admin.email(), Users.PASSWORD, false);
        assertThat(staff.post("/impersonate", java.util.Map.of("username", customer.email(), "reason", "ticket 42",
                "readOnly", "false"))).isEqualTo(302);
        assertThat(staff.signedIn()).isTrue();

        assertThat(inSession(here, customer, sessions::mine)).as("the visit is not listed").hasSize(1);
        assertThat(inSession(here, customer, sessions::signOutEverywhereElse)).isZero();
        inSession(here, customer, () -> {
            accounts.changePassword(Users.PASSWORD, "Quartz-lantern-ferry-81");
            return null;
        });

        assertThat(staff.signedIn()).as("the staff member's visit").isTrue();
        assertThat(here.signedIn()).isTrue();
    }

    /** Runs as the account, inside a request of this device's HTTP session (as its Vaadin UI would). */
    private static <T> T inSession(HttpDevice device, AccountSummary account, Supplier<T> work) {
        var request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, device.sessionId()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return Users.as(account, work::get);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
