package com.virtpanel.support.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.Role;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin's pages open in a real browser and do what they say. */
@IntegrationTest
class AdminPagesBrowserIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired AccountService accounts;
    @Autowired com.virtpanel.host.HostProperties host;
    @Autowired com.virtpanel.catalog.CatalogService catalog;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anAdminOpensEveryAdminPageCreatesAStaffAccountAndFindsItInTheAuditLog() {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(users.admin().email(), "Test-root-pass-42");
                browser.go("/admin/plans");
                assertThat(browser.text("plans-grid")).contains("nano").contains("small").contains("medium");
                // a plan's backup slots: nano keeps 3; more than 30 is a field error, 5 is saved
                browser.click("edit-plan-nano");
                assertThat(browser.byId("plan-backupSlots").getAttribute("value")).isEqualTo("3");
                browser.type("plan-backupSlots", "31");
                browser.click("save-plan");
                browser.waitFor(d -> browser.byId("plan-backupSlots").getAttribute("invalid") != null ? true : null);
                assertThat(catalog.orderablePlan("nano").backupSlots()).isEqualTo(3);
                browser.type("plan-backupSlots", "5");
                browser.click("save-plan");
                browser.waitFor(d -> catalog.orderablePlan("nano").backupSlots() == 5 ? true : null);
                // every customer's backups, and "verify all" started from the page
                browser.go("/admin/backups");
                browser.byId("admin-backups");
                browser.click("verify-all");
                browser.waitFor(d -> d.getPageSource().contains("Verifying all backups in the background") ? true : null);
                browser.go("/admin/images");
                assertThat(browser.text("images-grid")).contains("demo");
                browser.go("/admin/host");
                assertThat(browser.text("host-libvirt")).matches("\\d+\\.\\d+\\.\\d+");
                // libvirt or, without sfq (as here), the panel's own tc caps
                assertThat(browser.text("host-limits-enforced")).startsWith("CPU, disk and network");
                // the test profile has no SMTP server: the mail section says what happens to mail
                assertThat(browser.text("mail-smtp")).isEqualTo("not configured: mail is logged, not sent (set panel.mail.host)");
                // hosts: the panel's own host, active; maintenance and activate from the grid
                browser.go("/admin/hosts");
                browser.waitFor(d -> browser.allText("hosts-grid").contains("active") ? true : null);
                String hostName = jdbc.queryForObject("SELECT MIN(name) FROM hosts", String.class);
                browser.click("maintenance-host-" + hostName);
                browser.waitFor(d -> browser.allText("hosts-grid").contains("maintenance") ? true : null);
                browser.click("activate-host-" + hostName);
                browser.waitFor(d -> browser.allText("hosts-grid").contains("active") ? true : null);
                // address pools: the panel network's pools; a malformed range is a field error, a good one is listed
                browser.go("/admin/pools");
                assertThat(browser.allText("pools-grid")).contains(host.network().name()).contains("IPv6");
                String range = "100.127." + (int) (Math.random() * 250) + ".0/24";
                browser.type("pool-network", "browser-net");
                browser.type("pool-cidr", "100.127.0.0/33");
                browser.click("pool-add");
                browser.waitFor(d -> browser.byId("pool-cidr").getAttribute("invalid") != null ? true : null);
                browser.type("pool-cidr", range);
                browser.click("pool-add");
                browser.waitFor(d -> browser.allText("pools-grid").contains(range) ? true : null);
                browser.go("/support/customers");
                browser.byId("customers-grid");

                browser.go("/admin/staff");
                browser.type("staff-email", email);
                browser.type("staff-password", Users.PASSWORD);
                browser.click("create-staff");
                browser.waitFor(d -> browser.allText("staff-grid").contains(email));

                browser.go("/admin/audit");
                browser.type("audit-who", email);
                browser.click("audit-filter");
                browser.waitFor(d -> browser.text("audit-grid").contains("Staff account created"));
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("admin-pages");
                throw e;
            }
        }
        Users.as(users.admin(), () -> catalog.updatePlan(catalog.orderablePlan("nano").id(),
                com.virtpanel.catalog.PlanDraft.of(catalog.orderablePlan("nano")).withBackupSlots(3)));
        assertThat(accounts.findByEmail(email)).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.SUPPORT));
    }
}
