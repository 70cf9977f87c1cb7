package com.virtpanel.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.bastiaanjansen.otp.TOTPGenerator;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer turns on two-factor authentication in a real browser with a code their "app"
 * (otp-java in the test) computes, then signs in with password and code, and with a recovery
 * code, which works once only. Between password and code, nothing else opens.
 */
@IntegrationTest
class TwoFactorBrowserIT {

    @LocalServerPort int port;
    @Autowired Users users;

    @Test
    void enrolThenSignInWithACodeAndWithARecoveryCodeOnce() throws InterruptedException {
        AccountSummary customer = users.newCustomer();
        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(customer.email(), Users.PASSWORD);
                browser.go("/account");
                assertThat(browser.text("two-factor-state")).startsWith("Off.");
                browser.click("totp-start");
                WebElement qr = browser.byId("totp-qr");
                assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
                String secret = browser.text("totp-secret").trim();
                TOTPGenerator app = TOTPGenerator.withDefaultValues(secret.getBytes(StandardCharsets.US_ASCII));

                browser.type("totp-confirm-code", "000000".equals(app.now()) ? "111111" : "000000");
                browser.click("totp-confirm");
                assertThat(browser.driver().findElements(By.id("recovery-codes"))).isEmpty();
                browser.type("totp-confirm-code", app.now());
                browser.click("totp-confirm");
                List<String> recoveryCodes = Arrays.stream(browser.text("recovery-codes").split("\\s+")).toList();
                assertThat(recoveryCodes).hasSize(10);
                assertThat(browser.text("two-factor-state")).startsWith("On.").contains("Recovery codes left: 10");
                browser.screenshot("two-factor-enrolled");
                signOut(browser);

                // The password alone opens only the code step: every other page sends the visitor to the login.
                passwordStep(browser, customer.email());
                browser.go("/account");
                browser.waitFor(d -> d.getCurrentUrl().endsWith("/login"));
                browser.go("/login/code");
                assertThat(browser.driver().getCurrentUrl()).endsWith("/login/code");
                // The enrolment spent this window's code: wait for the next one.
                Thread.sleep(app.durationUntilNextTimeWindow().toMillis() + 1000);
                codeStep(browser, app.now());
                browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));
                browser.go("/account");
                assertThat(browser.text("account-email")).contains(customer.email());
                signOut(browser);

                passwordStep(browser, customer.email());
                codeStep(browser, recoveryCodes.get(0));
                browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));
                browser.go("/account");
                assertThat(browser.text("two-factor-state")).contains("Recovery codes left: 9");
                signOut(browser);

                passwordStep(browser, customer.email());
                codeStep(browser, recoveryCodes.get(0));
                browser.waitFor(d -> browser.byId("sign-in-code-error").isDisplayed());
                assertThat(browser.text("sign-in-code-error")).contains("not right");
                assertThat(browser.driver().getCurrentUrl()).endsWith("/login/code");
                browser.screenshot("two-factor-recovery-code-refused");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("two-factor-failure");
                throw e;
            }
        }
    }

    static void passwordStep(Browser browser, String email) {
        browser.go("/login");
        WebElement form = browser.waitFor(By.tagName("vaadin-login-form"));
        browser.waitFor(d -> form.findElement(By.cssSelector("input[name='username']"))).sendKeys(email);
        form.findElement(By.cssSelector("input[name='password']")).sendKeys(Users.PASSWORD);
        form.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-button")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/login/code"));
        browser.waitForVaadin();
    }

    static void codeStep(Browser browser, String code) {
        browser.type("sign-in-code", code);
        browser.click("sign-in-code-submit");
    }

    static void signOut(Browser browser) {
        browser.click("logout");
        browser.waitFor(d -> d.getCurrentUrl().contains("/login"));
        browser.waitForVaadin();
    }
}
