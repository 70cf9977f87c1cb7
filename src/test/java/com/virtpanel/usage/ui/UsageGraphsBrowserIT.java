package com.virtpanel.usage.ui;

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
import com.virtpanel.usage.Measure;
import com.virtpanel.usage.MetricType;
import com.virtpanel.usage.UsageService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server page in a real headless Chromium: three uPlot charts with the plan's caps, and the period's traffic once. */
@IntegrationTest
@DemoGuests
class UsageGraphsBrowserIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D test@virtpanel";

    @LocalServerPort int port;
    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired UsageService usage;
    @Autowired Users users;
    @Autowired Guests guests;

    @Test
    void theServerPageDrawsCpuDiskAndNetworkChartsWithThePlansCapsAndTheTrafficOfTheMonth() {
        AccountSummary bob = users.newCustomer();
        ServerInfo server = Users.as(bob, () -> serverOrders.order(new OrderRequest("graphs-1", "nano", "demo", List.of(KEY), null, null)));
        guests.awaitStatus(bob, server.id(), ServerStatus.RUNNING);
        Await.until("a few usage samples", Duration.ofMinutes(6),
                () -> Users.as(bob, () -> usage.metrics(server.id(), List.of(MetricType.CPU), null, null)
                        .series(Measure.CPU).points().size()), n -> n >= 2);

        try (Browser browser = Browser.open(port)) {
            try {
                checkPage(browser, bob, server);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("usage-graphs-failure");
                System.out.println("Usage panel at failure: " + browser.script("const u=document.getElementById('usage');"
                        + "return u ? u.innerText : document.body.innerText;"));
                throw e;
            }
        }
    }

    void checkPage(Browser browser, AccountSummary bob, ServerInfo server) {
        {
            browser.signIn(bob.email(), Users.PASSWORD).go("/servers/" + server.id() + "?tab=usage");

            for (String chart : List.of("usage-cpu", "usage-disk", "usage-network")) {
                browser.waitFor(By.cssSelector("#" + chart + " canvas"));
            }
            assertThat(points(browser, "usage-cpu")).isGreaterThanOrEqualTo(2);
            // nano: CPU cap 50 %, 20 MB/s disk, 100 Mbit/s network, 1000 GiB traffic
            assertThat(browser.byId("usage-cpu").getAttribute("data-limits")).isEqualTo("50");
            assertThat(browser.byId("usage-disk").getAttribute("data-limits")).isEqualTo("20");
            assertThat(browser.byId("usage-network").getAttribute("data-limits")).isEqualTo("100");
            assertThat(browser.text("usage-cpu")).contains("CPU");
            // traffic is shown once, with the limits in force on the overview, counted per allowance period
            browser.click("tab-overview");
            assertThat(browser.text("limit-traffic")).contains("of 1000 GiB this period");
            assertThat(browser.driver().findElements(By.id("usage-traffic"))).isEmpty();
            browser.click("tab-usage"); // back: the graphs made at the first opening, still answering

            browser.click("usage-range-24h");
            browser.waitFor(d -> points(browser, "usage-cpu") >= 2);
            browser.click("usage-range-7d");
            browser.waitFor(d -> browser.text("usage-cpu").contains("5-minute averages"));
            assertThat(points(browser, "usage-cpu")).isGreaterThanOrEqualTo(1);

            browser.click(By.xpath("//vaadin-tab[normalize-space(.)='IOPS']"));
            browser.waitFor(d -> "200".equals(browser.byId("usage-disk").getAttribute("data-limits")));
            browser.screenshot("usage-graphs");
        }
    }

    static int points(Browser browser, String chart) {
        String n = browser.byId(chart).getAttribute("data-points");
        return n == null ? 0 : Integer.parseInt(n);
    }
}
