package com.virtpanel.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.bastiaanjansen.otp.TOTPGenerator;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Role;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code panel.security.staff-2fa=required} (the default outside tests): a support agent without a
 * second factor signs in, but every page sends them to their account page, and the API gives
 * them no token, until they have set one up.
 */
@IntegrationTest
@TestPropertySource(properties = "panel.security.staff-2fa=required")
class StaffSecondFactorRequiredIT {

    @LocalServerPort int port;
    @Autowired Users users;

    @Test
    void staffWithoutASecondFactorReachOnlyTheirEnrolmentUntilTheyHaveOne() throws Exception {
        AccountSummary support = users.newStaff(Role.SUPPORT);
        assertThat(tokenExchange(support.email())).isEqualTo(403);
        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(support.email(), Users.PASSWORD);
                browser.go("/support/customers");
                browser.waitFor(d -> d.getCurrentUrl().endsWith("/account"));
                assertThat(browser.text("two-factor-required")).contains("need two-factor authentication");
                browser.go("/servers");
                browser.waitFor(d -> d.getCurrentUrl().endsWith("/account"));

                browser.click("totp-start");
                TOTPGenerator app = TOTPGenerator.withDefaultValues(
                        browser.text("totp-secret").trim().getBytes(StandardCharsets.US_ASCII));
                browser.type("totp-confirm-code", app.now());
                browser.click("totp-confirm");
                browser.byId("recovery-codes");

                browser.go("/support/customers");
                browser.byId("customer-search");
                assertThat(browser.driver().getCurrentUrl()).endsWith("/support/customers");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("staff-2fa-required-failure");
                throw e;
            }
        }
        assertThat(tokenExchange(support.email())).isEqualTo(401); // now it asks for the code
    }

    /**
     * A passkey is a second factor for staff: signed in with it they reach everything; signed in
     * with the password alone they are held on their account page and told to use the passkey,
     * and may not add another factor there (or a stolen password would be enough after all).
     */
    @Test
    void aPasskeyCountsAsTheStaffSecondFactorButThePasswordAloneDoesNot() throws Exception {
        AccountSummary support = users.newStaff(Role.SUPPORT);
        try (Browser browser = Browser.open(port)) {
            try {
                var authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
                        new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                                .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
                // No factor yet: the password opens the account page, where the first one is set up.
                browser.signIn(support.email(), Users.PASSWORD);
                browser.go("/account");
                browser.type("passkey-label", "Office key");
                browser.click("passkey-add");
                browser.waitFor(d -> browser.allText("passkeys").contains("Office key"));
                assertThat(authenticator.getCredentials()).hasSize(1);
                TwoFactorBrowserIT.signOut(browser);

                browser.go("/login");
                browser.click("passkey-sign-in");
                browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));
                browser.go("/support/customers");
                browser.byId("customer-search");
                assertThat(browser.driver().getCurrentUrl()).endsWith("/support/customers");
                TwoFactorBrowserIT.signOut(browser);

                browser.signIn(support.email(), Users.PASSWORD);
                browser.go("/support/customers");
                browser.waitFor(d -> d.getCurrentUrl().endsWith("/account"));
                assertThat(browser.text("two-factor-required")).contains("sign in with your passkey");
                browser.click("totp-start");
                browser.waitFor(d -> String.valueOf(browser.script("return document.body.innerText"))
                        .contains("sign in with your passkey first"));
                assertThat(browser.driver().findElements(By.id("totp-secret"))).isEmpty();
                browser.screenshot("staff-passkey-required");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("staff-passkey-failure");
                throw e;
            }
        }
        // The API cannot take a passkey: the exchange stays closed to a passkey-only staff member.
        assertThat(tokenExchange(support.email())).isEqualTo(403);
    }

    private int tokenExchange(String email) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + Users.PASSWORD + "\"}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
