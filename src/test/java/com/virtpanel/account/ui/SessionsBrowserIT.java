package com.virtpanel.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.base.security.RememberMe;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.HttpDevice;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The account page's session list in a real browser: see where you are signed in, sign out everywhere else. */
@IntegrationTest
class SessionsBrowserIT {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;

    @Test
    void aCustomerKeptSignedInSeesTheirSessionsAndSignsOutEverywhereElse() {
        AccountSummary customer = users.newCustomer();
        HttpDevice laptop = new HttpDevice(port, FIREFOX).signIn(customer.email(), Users.PASSWORD, false);
        String token = Users.as(customer, () -> tokens.createPersonal("backup", Duration.ofDays(90))).token();
        tokens.authenticate(token);
        try (Browser browser = Browser.open(port)) {
            try {
                signInKeepingMeSignedIn(browser, customer.email());
                assertThat(browser.driver().manage().getCookieNamed(RememberMe.COOKIE)).isNotNull();

                browser.go("/account");
                browser.waitFor(d -> browser.allText("sessions").contains("this session"));
                String listed = browser.allText("sessions");
                assertThat(listed).contains("Headless Chrome on Linux", "Browser (kept signed in)", "Firefox on Linux");
                assertThat(browser.allText("api-tokens")).contains("backup").doesNotContain("never");
                browser.screenshot("account-sessions-before");

                browser.click("sign-out-everywhere");
                // Visible text: the grid keeps its old rows in the page, hidden, for reuse.
                browser.waitFor(d -> !browser.text("sessions").contains("Firefox on Linux"));
                assertThat(browser.text("sessions")).contains("Headless Chrome on Linux");

                assertThat(laptop.signedIn()).as("the other browser").isFalse();
                browser.screenshot("account-sessions-after");
                browser.go("/servers");
                assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("account-sessions");
                throw e;
            }
        }
    }

    private static void signInKeepingMeSignedIn(Browser browser, String email) {
        browser.go("/login");
        WebElement form = browser.waitFor(By.tagName("vaadin-login-form"));
        browser.waitFor(d -> form.findElement(By.cssSelector("input[name='username']"))).sendKeys(email);
        form.findElement(By.cssSelector("input[name='password']")).sendKeys(Users.PASSWORD);
        browser.click(By.id(RememberMe.PARAMETER));
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script("return document.getElementById('remember-me').checked")));
        form.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));
        browser.waitForVaadin();
    }
}
