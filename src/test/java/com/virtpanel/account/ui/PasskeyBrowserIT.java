package com.virtpanel.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.bastiaanjansen.otp.TOTPGenerator;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.SecondFactorService;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer with two-factor authentication adds a passkey from the account page (Chromium's
 * virtual authenticator stands in for the device), signs out, and signs in with the passkey
 * alone: no password, no code step, since a passkey counts as both factors. Then removes it on the
 * account page: the removal is audited and the device's passkey no longer signs in.
 */
@IntegrationTest
class PasskeyBrowserIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired SecondFactorService secondFactors;
    @Autowired JdbcTemplate jdbc;

    @Test
    void registerAPasskeySignInWithItAloneThenRemoveIt() {
        AccountSummary customer = users.newCustomer();
        var enrolment = Users.as(customer, () -> secondFactors.startEnrolment());
        var app = TOTPGenerator.withDefaultValues(enrolment.secret().getBytes(StandardCharsets.US_ASCII));
        Users.as(customer, () -> secondFactors.confirmEnrolment(app.now()));

        try (Browser browser = Browser.open(port)) {
            try {
                var authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
                        new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                                .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));

                // In with password and code, as usual.
                TwoFactorBrowserIT.passwordStep(browser, customer.email());
                waitForNextWindow(app);
                TwoFactorBrowserIT.codeStep(browser, app.now());
                browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));

                browser.go("/account");
                browser.type("passkey-label", "Test laptop");
                browser.click("passkey-add");
                browser.waitFor(d -> browser.allText("passkeys").contains("Test laptop"));
                assertThat(authenticator.getCredentials()).hasSize(1);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'account.second-factor-changed' "
                        + "AND subject_account_id = ? AND detail = 'passkey-added'", Long.class, customer.id())).isEqualTo(1);
                TwoFactorBrowserIT.signOut(browser);

                browser.go("/login");
                browser.click("passkey-sign-in");
                browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));
                browser.go("/account");
                assertThat(browser.text("account-email")).contains(customer.email());
                assertThat(browser.allText("passkeys")).contains("Test laptop");
                browser.screenshot("passkey-signed-in");

                // Removed on the account page: audited, and the device's passkey no longer signs in.
                browser.click(By.cssSelector("#passkeys vaadin-button.passkey-remove"));
                // (textContent keeps the grid's recycled, hidden row: what is shown is what counts)
                browser.waitFor(d -> !browser.text("passkeys").contains("Test laptop"));
                assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'account.second-factor-changed' "
                        + "AND subject_account_id = ? AND detail = 'passkey-removed'", Long.class, customer.id())).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM user_credentials c JOIN user_entities u "
                        + "ON u.id = c.user_entity_user_id WHERE u.name = ?", Long.class, customer.email())).isZero();
                TwoFactorBrowserIT.signOut(browser);

                browser.go("/login");
                assertThat(authenticator.getCredentials()).as("still on the device").hasSize(1);
                browser.click("passkey-sign-in");
                browser.waitFor(d -> browser.byId("passkey-error").isDisplayed());
                assertThat(browser.text("passkey-error")).contains("did not sign you in");
                assertThat(browser.driver().getCurrentUrl()).contains("/login");
                browser.go("/account");
                browser.waitFor(d -> d.getCurrentUrl().contains("/login"));
                browser.screenshot("passkey-removed-refused");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("passkey-failure");
                throw e;
            }
        }
    }

    private static void waitForNextWindow(TOTPGenerator app) {
        try {
            Thread.sleep(app.durationUntilNextTimeWindow().toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
