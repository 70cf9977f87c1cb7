package com.virtpanel.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A customer opens the console of a running demo server in headless Chromium: noVNC draws
 * the guest's screen, and what they type reaches the guest.
 */
@IntegrationTest
@DemoGuests
class ConsoleBrowserIT {

    static final String ROOT_PASSWORD = "Console-root-42x";

    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired Users users;
    @Autowired Guests guests;
    @Value("${local.server.port}") int port;

    @Test
    void theConsoleShowsTheGuestsScreenAndTypingReachesTheGuest() throws Exception {
        AccountSummary alice = users.newCustomer();
        ServerInfo ordered = Users.as(alice, () -> serverOrders.order(new OrderRequest("console-web", "nano", "demo", List.of(),
                ROOT_PASSWORD, null)));
        ServerInfo server = guests.awaitStatus(alice, ordered.id(), ServerStatus.RUNNING);
        guests.awaitSerial(server.domain(), "virtpanel-demo ready");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(alice.email(), Users.PASSWORD);
            browser.go("/servers/" + server.id());
            String serverTab = browser.driver().getWindowHandle();
            browser.click("open-console"); // opens a new tab
            String consoleTab = browser.waitFor(d -> d.getWindowHandles().stream().filter(h -> !h.equals(serverTab))
                    .findFirst().orElse(null));
            browser.driver().switchTo().window(consoleTab);
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/servers/" + server.id() + "/console") ? true : null);
            awaitConnected(browser);

            // noVNC draws into a 2D canvas: the guest's text console has more than one colour
            browser.waitFor(d -> distinctColours(browser) > 1 ? true : null);
            Path shot = browser.screenshot("console-" + server.name());
            assertThat(Files.size(shot)).isGreaterThan(1000);

            String marker = "console-ok-" + UUID.randomUUID().toString().substring(0, 8);
            for (int attempt = 0; attempt < 4 && !guests.serial(server.domain()).contains(marker); attempt++) {
                // the VGA console (tty1) has a login prompt; log in and write to the serial port
                type(browser, "root\n");
                Await.sleep(2500);
                type(browser, ROOT_PASSWORD + "\n");
                Await.sleep(2500);
                type(browser, "echo " + marker + " > /dev/ttyS0\n");
                try {
                    guests.awaitSerial(server.domain(), marker, Duration.ofSeconds(15));
                } catch (AssertionError notYet) {
                    browser.screenshot("console-" + server.name() + "-attempt-" + attempt);
                }
            }
            assertThat(guests.serial(server.domain())).contains(marker);
            browser.screenshot("console-" + server.name() + "-typed");
        }
    }

    /** Waits for "connected"; if it does not come, reconnects once with the page's console log captured, to say why. */
    private static void awaitConnected(Browser browser) {
        try {
            browser.waitFor(d -> "connected".equals(d.findElement(By.id("console-status")).getAttribute("data-state")) ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.script("window.__log = []; for (const level of ['log', 'info', 'warn', 'error', 'debug']) {"
                    + " const original = console[level]; console[level] = (...args) => { window.__log.push(level + ': ' + args.join(' ')); original.apply(console, args); }; }"
                    + " window.addEventListener('error', (ev) => window.__log.push('uncaught: ' + ev.message));");
            browser.click("console-reconnect");
            Await.sleep(8000);
            throw new AssertionError("the console did not connect; status " + browser.text("console-status") + "; history "
                    + browser.script("return document.querySelector('vp-vnc-console').getAttribute('data-history')") + "; log "
                    + browser.script("return window.__log.join('\\n')"), e);
        }
    }

    /** Types through the console's own "Paste text" dialog (the clipboard is empty in a headless browser). */
    private static void type(Browser browser, String text) {
        browser.click("console-paste");
        browser.type("console-paste-text", text);
        browser.click("console-paste-send");
        browser.waitFor(d -> d.findElements(By.id("console-paste-text")).isEmpty() ? true : null);
    }

    private static long distinctColours(Browser browser) {
        Object n = browser.script("const c = document.querySelector('vp-vnc-console canvas');"
                + "if (!c || !c.width || !c.height) return 0;"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "const seen = new Set(); for (let i = 0; i < d.length && seen.size < 10; i += 4 * 7) seen.add((d[i] << 16) | (d[i+1] << 8) | d[i+2]);"
                + "return seen.size;");
        return ((Number) n).longValue();
    }
}
