package com.virtpanel.support.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Role;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.support.AuditAction;
import com.virtpanel.support.AuditEntry;
import com.virtpanel.support.AuditFilter;
import com.virtpanel.support.AuditService;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole support visit in a real browser: a support agent acts as a customer with a reason,
 * sees the banner and the customer's server, reboots it, exits; the audit names both people,
 * and the customer finds the visit on their activity page.
 */
@IntegrationTest
@DemoGuests
class ImpersonationBrowserIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D test@virtpanel";
    static final String REASON = "Ticket 1234: customer says web-1 hangs";

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired AuditService audit;

    @Test
    void supportActsAsACustomerRebootsTheirServerAndTheVisitIsAuditedAndShownToTheCustomer() {
        AccountSummary customer = users.newCustomer();
        AccountSummary support = users.newStaff(Role.SUPPORT);
        ServerInfo server = Users.as(customer, () -> serverOrders.order(new OrderRequest("web-1", "nano", "demo", List.of(KEY), null, null)));
        guests.awaitStatus(customer, server.id(), ServerStatus.RUNNING);

        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(support.email(), Users.PASSWORD);
                browser.go("/support/customers");
                browser.type("customer-search", customer.email());
                openCustomer(browser, customer);
                browser.waitFor(d -> browser.text("customer-servers").contains("web-1"));
                browser.click("impersonate");
                browser.type("impersonation-reason", REASON);
                browser.click("impersonation-read-only"); // support visits start read-only; this one reboots
                browser.click("start-impersonation");

                // A full page load later, the browser is the customer, under the banner.
                browser.waitFor(d -> d.getCurrentUrl().endsWith("/servers"));
                browser.waitForVaadin();
                assertThat(browser.text("impersonation-banner")).contains("Acting as " + customer.email()).contains(REASON);
                browser.screenshot("support-acting-as-customer");
                browser.waitFor(By.linkText("web-1")).click();
                browser.waitForVaadin();
                browser.click("reboot");
                Await.until("the reboot in the audit log", Duration.ofSeconds(30), () -> reboots(server.id()), rows -> !rows.isEmpty());

                browser.click("exit-impersonation");
                browser.waitFor(d -> d.getCurrentUrl().contains("/support/customers"));
                browser.waitForVaadin();
                assertThat(browser.driver().findElements(By.id("impersonation-banner"))).isEmpty();
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("impersonation-as-support");
                throw e;
            }

            assertThat(reboots(server.id())).singleElement().satisfies(row -> {
                assertThat(row.actorEmail()).isEqualTo(support.email());
                assertThat(row.effectiveEmail()).isEqualTo(customer.email());
                assertThat(row.reason()).isEqualTo(REASON);
                assertThat(row.target()).isEqualTo("web-1");
                assertThat(row.clientIp()).isNotBlank();
            });

            try {
                browser.driver().manage().deleteAllCookies();
                browser.signIn(customer.email(), Users.PASSWORD);
                browser.go("/account/activity");
                String visits = browser.text("staff-visits");
                assertThat(visits).contains(support.email()).contains(REASON).contains("Server rebooted: web-1");

                browser.go("/admin/audit");
                assertThat(browser.driver().findElements(By.id("audit-grid"))).isEmpty();
                browser.go("/support/customers");
                assertThat(browser.driver().findElements(By.id("customers-grid"))).isEmpty();
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("impersonation-as-customer");
                throw e;
            }
        }
    }

    /**
     * Clicks the customer's row until the detail shows that customer. The search applies lazily,
     * and the grid reuses its row elements for the new results: a click that lands while the
     * results change can hit a row that has just been given to another customer.
     */
    private static void openCustomer(Browser browser, AccountSummary customer) {
        browser.waitFor(d -> {
            for (var header : d.findElements(By.cssSelector("#customer-detail h3"))) {
                if (header.isDisplayed() && header.getText().equals(customer.email())) {
                    return true;
                }
            }
            // Rows outside the grid's viewport are not rendered yet, and a row may still be laying out.
            for (var row : d.findElements(By.id("customer-" + customer.id()))) {
                try {
                    if (row.isDisplayed() && row.getSize().getHeight() > 0) {
                        row.click();
                        break;
                    }
                } catch (org.openqa.selenium.ElementNotInteractableException notYet) {
                    // look again at the next poll
                }
            }
            return null;
        });
        browser.waitForVaadin();
    }

    private List<AuditEntry> reboots(long serverId) {
        return Users.as(users.admin(), () -> audit.search(new AuditFilter(null, serverId, AuditAction.SERVER_REBOOT, null, null, 10)));
    }
}
