package com.virtpanel.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.HttpDevice;
import com.virtpanel.testkit.MailIntegrationTest;
import com.virtpanel.testkit.TestSmtp;
import com.virtpanel.testkit.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The mailed links in headless Chromium: a forgotten password, and a sign-up's address confirmed. */
@MailIntegrationTest
class PasswordResetBrowserIT {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String NEW_PASSWORD = "Amber-kettle-orchard-93";

    @LocalServerPort int port;
    @Autowired Users users;

    @BeforeEach
    void smtpUp() {
        TestSmtp.port();
        TestSmtp.start();
    }

    @Test
    void aCustomerWhoForgotTheirPasswordSetsANewOneFromTheMailedLinkAndTheOldSessionsEnd() {
        AccountSummary customer = users.newCustomer();
        HttpDevice laptop = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, true);
        assertThat(laptop.signedIn()).isTrue();
        try (Browser browser = Browser.open(port)) {
            try {
                browser.go("/login");
                browser.click(By.cssSelector("vaadin-login-form vaadin-button[slot='forgot-password']"));
                browser.waitFor(d -> d.getCurrentUrl().contains("/forgot-password"));
                browser.type("forgot-email", customer.email());
                browser.click("forgot-submit");
                browser.waitFor(d -> browser.text("forgot-answer").contains("If an account exists for this address"));

                String link = TestSmtp.link(TestSmtp.awaitWith(customer.email(), "/reset-password?token="));
                assertThat(link).startsWith("http://localhost:" + port + "/reset-password?token=");
                browser.go(link.substring(link.indexOf("/reset-password")));
                browser.type("reset-password", NEW_PASSWORD);
                browser.type("reset-repeat", NEW_PASSWORD);
                browser.click("reset-submit");
                browser.waitFor(d -> d.getCurrentUrl().contains("/login?reset"));
                assertThat(browser.text("reset-done")).contains("Sign in with the new password");

                browser.signIn(customer.email(), NEW_PASSWORD);
                browser.go("/servers");
                assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");

                assertThat(laptop.signedIn()).as("the session opened before the reset").isFalse();
                laptop.closeBrowser();
                assertThat(laptop.signedIn()).as("its remember-me cookie").isFalse();

                browser.go(link.substring(link.indexOf("/reset-password")));
                assertThat(browser.text("reset-invalid")).as("the link works once").contains("invalid, was used already");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("password-reset");
                throw e;
            }
        }
    }

    @Test
    void anUnconfirmedCustomerSeesTheBannerHasTheLinkSentAgainAndConfirmsTheAddress() {
        AccountSummary customer = users.newUnverifiedCustomer();
        TestSmtp.awaitOne(customer.email());
        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(customer.email(), Users.PASSWORD);
                browser.go("/servers");
                assertThat(browser.text("verify-email-banner")).contains("Confirm your email address");
                browser.click("verify-send-again");
                browser.waitFor(d -> browser.text("verify-email-banner").contains("We sent a new link"));

                var mails = com.virtpanel.testkit.Await.until("the second mail", java.time.Duration.ofSeconds(60),
                        () -> TestSmtp.to(customer.email()), l -> l.size() == 2);
                String link = TestSmtp.link(mails.get(1));
                browser.go(link.substring(link.indexOf("/verify-email")));
                browser.click("verify-submit");
                browser.waitFor(d -> browser.text("verify-result").contains("your email address is confirmed"));

                browser.go("/servers");
                browser.waitForVaadin();
                assertThat(browser.driver().findElements(By.id("verify-email-banner"))).isEmpty();
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("verify-email");
                throw e;
            }
        }
    }
}
