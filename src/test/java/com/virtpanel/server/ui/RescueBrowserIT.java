package com.virtpanel.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.RescueImage;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Rescue mode on the server page in a real browser: boot with a one-time password shown once, time left, leave. */
@IntegrationTest
class RescueBrowserIT {

    static final Duration OPERATION = Duration.ofMinutes(8);

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired ServerOrders serverOrders;

    @BeforeAll
    static void images() {
        DemoImage.require();
        RescueImage.require();
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void aCustomerBootsIntoRescueSeesThePasswordOnceAndTheTimeLeftAndLeaves() throws InterruptedException {
        AccountSummary fay = users.newCustomer();
        ServerInfo ordered = Users.as(fay, () -> serverOrders.order(new OrderRequest("fix-1", "nano", "demo",
                List.of(ServerGuestActionsUiIT.KEY), null, null)));
        ServerInfo server = guests.awaitStatus(fay, ordered.id(), ServerStatus.RUNNING);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(fay.email(), Users.PASSWORD);
            browser.go("/servers/" + server.id());
            browser.click("tab-recovery"); // the tab, as a person opens it
            browser.click("boot-rescue");
            browser.click("rescue-password");
            browser.click("confirm-rescue");
            WebElement field = browser.byId("rescue-root-password");
            String password = browser.waitFor(d -> {
                String v = field.getAttribute("value");
                return v != null && v.length() == 20 ? v : null;
            });
            browser.click("close-rescue-password");
            browser.waitFor(d -> d.findElements(By.id("rescue-root-password")).isEmpty());
            assertThat(browser.driver().getPageSource()).doesNotContain(password);

            String state = browser.waitFor(OPERATION, d -> d.findElements(By.id("rescue-state")).stream()
                    .map(WebElement::getText).filter(t -> t.contains("ends in")).findFirst().orElse(null));
            assertThat(state).containsPattern("Rescue mode — ends in \\d+ min");
            assertThat(browser.byId("reboot").getAttribute("disabled")).isNotNull();
            assertThat(Shell.virsh("dumpxml", server.domain())).contains("rescue-vmlinuz");

            // Vaadin drops a click on a button that a poll's answer has just replaced: the section
            // updates its buttons in place, so this one, found before a poll passes, still works after it
            WebElement leave = browser.byId("leave-rescue");
            Thread.sleep(LiveServerUpdates.POLL_MILLIS + 1000);
            browser.click(leave);
            browser.waitFor(OPERATION, d -> {
                var badge = d.findElement(By.cssSelector("#server-status .status-badge"));
                return "running".equals(badge.getAttribute("data-status")) && d.findElement(By.id("boot-rescue")).isDisplayed();
            });
            assertThat(Shell.virsh("dumpxml", server.domain())).doesNotContain("rescue-vmlinuz");
        }
    }
}
