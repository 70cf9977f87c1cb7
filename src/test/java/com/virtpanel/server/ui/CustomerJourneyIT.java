package com.virtpanel.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.host.Volumes;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer, in a real headless Chromium, does everything alone: signs up, orders a nano demo
 * server, watches it run, reboots, shuts down, starts, reinstalls and deletes it. Every step is
 * checked on the libvirt side too.
 */
@IntegrationTest
@DemoGuests
class CustomerJourneyIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcfXypkxgr4HAcXQcoq6RaLI+VTJ7r5YW6hbyKiFY12 test@virtpanel";
    static final Duration SLOW = Duration.ofSeconds(240);

    @LocalServerPort int port;
    @Autowired Guests guests;
    @Autowired Volumes volumes;

    @Test
    void aCustomerOrdersRunsReinstallsAndDeletesAServerInTheBrowser() {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String hostname = "journey-" + UUID.randomUUID().toString().substring(0, 4);
        try (Browser browser = Browser.open(port)) {
            browser.go("/signup");
            browser.type("signup-email", email);
            browser.type("signup-password", "Correct-horse-42");
            browser.type("signup-repeat", "Correct-horse-42");
            browser.click("signup-submit");
            browser.waitFor(d -> d.getCurrentUrl().contains("/login"));
            // no SMTP here, as on a fresh ./panel run: no link is promised and none is waited for
            // (with SMTP, the mailed link and the refused order are EmailVerificationIT's subject)
            assertThat(browser.text("registered")).isEqualTo("Your account is created: sign in.");
            browser.signIn(email, "Correct-horse-42");

            browser.go("/order");
            browser.click("plan-nano");
            browser.click("next");
            browser.click("image-demo");
            browser.click("next");
            browser.type("hostname", hostname);
            browser.click("next");
            browser.type("new-key", KEY);
            browser.click("next");
            assertThat(browser.text("order-summary")).contains(hostname).contains("Nano");
            browser.click("place-order");
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/servers/\\d+$"));
            String domain = browser.text("spec-domain");

            awaitStatus(browser, "running");
            assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");
            String serial = guests.awaitSerial(domain, "virtpanel-demo ready");
            assertThat(serial).contains("hostname=" + hostname).contains("ssh-key=SHA256:hP74erH93b7YaFEUmcMTJJUvwho0steNXNnfaTBND3g");
            browser.screenshot("journey-running");

            // plan and image as the customer ordered them: their titles, not their keys
            assertThat(browser.text("spec-image")).isEqualTo("Virtpanel demo (busybox)");
            browser.go("/servers");
            browser.waitFor(d -> browser.allText("servers-grid").contains(hostname));
            assertThat(browser.allText("servers-grid")).contains("Nano", "Virtpanel demo (busybox)").doesNotContain("nano");
            browser.click(By.linkText(hostname));
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/servers/\\d+$"));

            browser.click("reboot");
            awaitStatus(browser, "running");
            guests.awaitSerial(domain, "virtpanel-demo ready", SLOW);
            Await.until("a second boot on the serial console", SLOW, () -> guests.serial(domain),
                    log -> log.split("virtpanel-demo ready", -1).length > 2);

            browser.click("shutdown");
            awaitStatus(browser, "stopped");
            assertThat(Shell.virsh("domstate", domain)).isEqualTo("shut off");

            browser.click("start");
            awaitStatus(browser, "running");
            assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");
            guests.awaitSerial(domain, "virtpanel-demo ready", SLOW);

            browser.click("reinstall");
            browser.type("confirm-name", hostname);
            browser.click("confirm-action");
            Await.until("the reinstalled disk to replace the old one", SLOW, () -> volumes.list(domain + "-"),
                    list -> list.contains(domain + "-disk-2.qcow2") && !list.contains(domain + "-disk-1.qcow2"));
            awaitStatus(browser, "running");
            assertThat(volumes.list(domain + "-")).containsExactlyInAnyOrder(domain + "-disk-2.qcow2", domain + "-seed-2.iso");
            // A reinstall starts a new QEMU process, so the serial log begins afresh with the new instance.
            assertThat(guests.awaitSerial(domain, "virtpanel-demo ready", SLOW))
                    .contains("cloud-init: new instance " + domain + "-seed-2").contains("hostname=" + hostname);

            browser.click("delete");
            browser.type("confirm-name", hostname);
            browser.click("confirm-action");
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/servers") || d.getCurrentUrl().endsWith("/"));
            Await.until("the domain to be gone", SLOW, () -> Shell.run("virsh", "-c", "qemu:///system", "dominfo", domain).ok(),
                    exists -> !exists);
            assertThat(volumes.list(domain + "-")).isEmpty();
            assertThat(browser.driver().findElements(By.linkText(hostname))).isEmpty();
        }
    }

    private static void awaitStatus(Browser browser, String status) {
        browser.waitFor(d -> {
            var badge = d.findElement(By.cssSelector("#server-status .status-badge"));
            return status.equals(badge.getAttribute("data-status"));
        });
    }
}
