package com.virtpanel.network.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.TestHost;
import com.virtpanel.testkit.TestPowerDns;
import com.virtpanel.testkit.Users;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server page's Addresses in a real browser (a seeded server, no guest): an invalid name is
 * shown at the field and changes nothing; a valid one is saved and PowerDNS serves it (dig).
 */
@IntegrationTest
class AddressesBrowserIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired JdbcTemplate db;

    @Test
    void aCustomerSetsThePtrOfTheirAddressOnTheServerPage() {
        AccountSummary customer = users.newCustomer();
        String ipv4 = TestHost.CIDR.substring(0, TestHost.CIDR.lastIndexOf('.')) + ".240";
        String domain = "vp-rdns-ui-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        db.update("insert into server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, ipv4, "
                + "status_changed_at, created_at, updated_at) values (?, 'ui-seed', ?, (select min(id) from plan), "
                + "(select min(id) from image), 'STOPPED', ?, '52:54:00:00:00:05', ?, ?, ?, ?)",
                customer.id(), domain, domain, ipv4, now, now, now);
        long id = db.queryForObject("select id from server where domain_name = ?", Long.class, domain);
        String row = "address-" + ipv4.replace('.', '-');

        try (Browser browser = Browser.open(port)) {
            browser.signIn(customer.email(), Users.PASSWORD);
            browser.go("/servers/" + id);
            browser.click("tab-network"); // the tab, as a person opens it
            browser.waitFor(By.id(row));
            browser.click(row + "-edit");
            browser.type("ptr-name", "not a name");
            browser.click("ptr-save");
            browser.waitFor(d -> "true".equals(browser.byId("ptr-name").getAttribute("invalid")) ? true : null);
            assertThat(db.queryForObject("select count(*) from reverse_dns where address = ?", Integer.class, ipv4))
                    .isZero();

            browser.type("ptr-name", "www.example.org");
            browser.click("ptr-save");
            browser.waitFor(d -> "www.example.org".equals(browser.text(row + "-ptr")) ? true : null);
            assertThat(browser.driver().findElements(By.id(row + "-pending"))).as("delivered at once").isEmpty();
        }
        assertThat(TestPowerDns.digReverse(ipv4)).isEqualTo("www.example.org.");
    }
}
