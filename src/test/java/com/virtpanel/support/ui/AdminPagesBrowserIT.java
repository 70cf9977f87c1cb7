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

    @Test
    void anAdminOpensEveryAdminPageCreatesAStaffAccountAndFindsItInTheAuditLog() {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(users.admin().email(), "Test-root-pass-42");
                browser.go("/admin/plans");
                assertThat(browser.text("plans-grid")).contains("nano").contains("small").contains("medium");
                browser.go("/admin/images");
                assertThat(browser.text("images-grid")).contains("demo");
                browser.go("/admin/host");
                assertThat(browser.text("host-libvirt")).matches("\\d+\\.\\d+\\.\\d+");
                // libvirt or, without sfq (as here), the panel's own tc caps
                assertThat(browser.text("host-limits-enforced")).startsWith("CPU, disk and network");
                // the test profile has no SMTP server: the mail section says what happens to mail
                assertThat(browser.text("mail-smtp")).isEqualTo("not configured: mail is logged, not sent (set panel.mail.host)");
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
        assertThat(accounts.findByEmail(email)).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.SUPPORT));
    }
}
