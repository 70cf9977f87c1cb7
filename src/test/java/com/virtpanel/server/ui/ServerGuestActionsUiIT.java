package com.virtpanel.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server page's offline changes in a real browser: plan change refused for a smaller disk, password reset shown once. */
@IntegrationTest
@DemoGuests
class ServerGuestActionsUiIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcfXypkxgr4HAcXQcoq6RaLI+VTJ7r5YW6hbyKiFY12 test@virtpanel";
    static final Duration OPERATION = Duration.ofMinutes(15);

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired CatalogService catalog;

    @Test
    void aCustomerIsToldWhyASmallerDiskIsRefusedAndSeesTheNewRootPasswordOnce() {
        var nano = PlanDraft.of(Users.as(users.admin(), () -> catalog.orderablePlan("nano")));
        Users.as(users.admin(), () -> catalog.createPlan(new PlanDraft("tiny-disk", "Tiny disk", 1, 256, 1, nano.cpuCapPercent(),
                nano.cpuShares(), nano.diskIops(), nano.diskMbps(), nano.blkioWeight(), nano.netMbps(), nano.trafficGib(),
                nano.throttledNetMbps(), null, 100, nano.currency())));
        AccountSummary erin = users.newCustomer();
        ServerInfo ordered = Users.as(erin, () -> serverOrders.order(new OrderRequest("ui-1", "nano", "demo", List.of(KEY), null, null)));
        ServerInfo server = guests.awaitStatus(erin, ordered.id(), ServerStatus.RUNNING);
        guests.awaitSerial(server.domain(), "virtpanel-demo ready");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(erin.email(), Users.PASSWORD);
            browser.go("/servers/" + server.id());
            awaitStatus(browser, "running");
            assertThat(browser.byId("add-ssh-key").getAttribute("disabled")).isNotNull();

            browser.click("change-plan");
            WebElement plan = browser.byId("change-plan-choice");
            WebElement input = plan.findElement(By.cssSelector("input"));
            input.sendKeys("Tiny disk");
            browser.click(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), 'Tiny disk (')]"));
            // choosing an item closes the list; it must be gone before the next click
            browser.waitFor(d -> Boolean.FALSE.equals(browser.script("return !!arguments[0].opened", plan)));
            assertThat(input.getAttribute("value")).startsWith("Tiny disk (");
            browser.click("confirm-change-plan");
            browser.waitFor(d -> plan.getAttribute("invalid") != null);
            assertThat((String) browser.script("return arguments[0].errorMessage", plan)).contains("disks cannot shrink");
            browser.click("cancel-change-plan");

            browser.click("reset-password");
            browser.click("confirm-reset-password");
            WebElement field = browser.byId("new-root-password");
            String password = browser.waitFor(d -> {
                String v = field.getAttribute("value");
                return v != null && v.length() == 20 ? v : null;
            });
            browser.screenshot("root-password-once");
            browser.click("close-root-password");
            // the dialog leaves with a short animation
            browser.waitFor(d -> d.findElements(By.id("new-root-password")).isEmpty());
            assertThat(browser.driver().getPageSource()).doesNotContain(password);

            browser.waitFor(OPERATION, d -> {
                var badge = d.findElement(By.cssSelector("#server-status .status-badge"));
                return "running".equals(badge.getAttribute("data-status")) && !d.findElement(By.id("server-activity")).isDisplayed();
            });
            // an invisible Vaadin component is not sent to the browser at all
            assertThat(browser.driver().findElements(By.id("server-failure"))).noneMatch(WebElement::isDisplayed);
        }
    }

    private static void awaitStatus(Browser browser, String status) {
        browser.waitFor(d -> status.equals(d.findElement(By.cssSelector("#server-status .status-badge")).getAttribute("data-status")));
    }
}
