package com.virtpanel.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.BootableIso;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Users;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ISO boot in a real browser: the admin adds an ISO on the ISOs page; the customer's server page
 * says no ISO is attached (eject disabled, with the reason), boots from the chosen ISO and then
 * shows it attached, with the banner on the guest's serial console. Customers never see the
 * server's host; the admin reads it on the same page (moving it needs another host: TwoHostsIT).
 */
@IntegrationTest
class IsoBootBrowserIT {

    static final Duration BOOT = Duration.ofMinutes(5);

    @TempDir static Path work;
    static Path isoFile;
    static String banner;

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired ServerOrders orders;

    @BeforeAll
    static void bootableIso() throws Exception {
        DemoImage.require();
        banner = "VIRTPANEL-UI-ISO-" + UUID.randomUUID().toString().substring(0, 8);
        isoFile = BootableIso.build(work, banner);
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void anAdminAddsAnIsoAndACustomerBootsTheirServerFromItOnTheServerPage() {
        AccountSummary customer = users.newCustomer();
        ServerInfo ordered = Users.as(customer, () -> orders.order(new OrderRequest("ui-iso", "nano", "demo",
                List.of(TestKeys.ED25519), null, null)));
        String isoName = "ui-" + banner.substring(17);

        try (Browser admin = Browser.open(port)) {
            admin.signIn(users.admin().email(), "Test-root-pass-42"); // the seeded admin (application-test.yml)
            admin.go("/admin/isos");
            admin.type("iso-name", isoName);
            admin.type("iso-source", isoFile.toString());
            admin.type("iso-sha256", BootableIso.sha256(isoFile));
            admin.click("add-iso");
            admin.waitFor(BOOT, d -> admin.allText("isos-grid").contains(isoName) ? true : null);
        }

        ServerInfo server = guests.awaitStatus(customer, ordered.id(), ServerStatus.RUNNING);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(customer.email(), Users.PASSWORD);
            browser.go("/servers/" + server.id() + "?tab=recovery"); // the tab, by its address
            browser.waitFor(d -> browser.text("iso-attached").contains("No ISO attached") ? true : null);
            WebElement eject = browser.byId("eject-iso");
            assertThat(eject.getAttribute("disabled")).isNotNull();

            WebElement choice = browser.byId("iso-choice");
            choice.findElement(By.cssSelector("input")).sendKeys(isoName);
            browser.click(By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + isoName + "']"));
            browser.waitFor(d -> Boolean.FALSE.equals(browser.script("return !!arguments[0].opened", choice)));
            browser.click("boot-iso");
            browser.waitFor(BOOT, d -> browser.text("iso-attached").contains("Attached: " + isoName) ? true : null);
            browser.waitFor(BOOT, d -> browser.byId("eject-iso").getAttribute("disabled") == null ? true : null);
            browser.screenshot("iso-attached");
            assertThat(browser.driver().findElements(By.id("server-host"))).as("customers never see hosts").isEmpty();
        }
        guests.awaitSerial(server.domain(), banner, BOOT);

        // an admin reads the server's host on its page; it cannot move: there is no other host here
        try (Browser admin = Browser.open(port)) {
            admin.signIn(users.admin().email(), "Test-root-pass-42");
            admin.go("/servers/" + server.id() + "?tab=host");
            admin.waitFor(d -> admin.text("server-host-name").startsWith("On host ") ? true : null);
            assertThat(admin.byId("migrate-server").getAttribute("disabled")).isNotNull();
        }
    }
}
