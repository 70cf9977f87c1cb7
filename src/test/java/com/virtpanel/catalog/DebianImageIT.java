package com.virtpanel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.backup.BackupInfo;
import com.virtpanel.backup.BackupService;
import com.virtpanel.backup.BackupStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DebianImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.SshClient;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VerifiedEmails;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 19, item 1: the Debian 12 image that images/debian-12/build.sh builds from Debian's
 * packages is registered (once, however many registrations race), recognised by libguestfs
 * inspection, offered by the order wizard, and a customer who orders it in the browser with a
 * fresh SSH key logs in as root over SSH from this machine: real cloud-init set the wizard's
 * hostname, the static IPv4 address and the server's IPv6 /64 (SSH answers over both), the
 * password, and grew the disk to the plan's size; Debian's
 * default user {@code debian} has the same key and sudo; its guest agent answers, so a backup of
 * the running server is filesystem-consistent.
 *
 * <p>One guest for the class, booted under TCG: minutes on a busy host. A context of its own
 * (the inline property), because registering an image changes the catalog other classes count.
 */
@IntegrationTest
@TestPropertySource(properties = "panel.catalog.debian-image-dir=")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianImageIT {

    /** Inspection waits for a free libguestfs slot and starts an appliance under TCG. */
    static final Duration INSPECTION = Duration.ofMinutes(15);
    /** Boot to SSH under TCG on a shared two-core host: SeaBIOS, GRUB, systemd, cloud-init. */
    static final Duration SSH_READY = Duration.ofMinutes(12);
    static final long GIB = 1L << 30;

    static SshClient ssh;

    @LocalServerPort int port;
    @Autowired CatalogService catalog;
    @Autowired Guests guests;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired BackupService backups;

    @BeforeAll
    static void registerTheBuiltImageFromTenPlacesAtOnce(@Autowired DebianImageSeed seed) throws Exception {
        DebianImage.require();
        ssh = SshClient.withNewKey();
        List<Boolean> won = Together.run(10, i -> seed.register(DebianImage.dir()));
        assertThat(won).as("registrations that won").containsOnlyOnce(true);
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
        if (ssh != null) {
            ssh.close();
        }
    }

    @Test
    @Order(1)
    void theImageIsRegisteredOnceAndInspectionRecognisesDebian12() {
        assertThat(catalog.images().stream().filter(i -> i.name().equals("debian-12"))).hasSize(1);
        ImageInfo image = Await.until("libguestfs to inspect debian-12", INSPECTION, () -> catalog.orderableImage("debian-12"),
                i -> i.osName() != null && !i.osName().isBlank());
        assertThat(image.title()).isEqualTo("Debian 12 (bookworm)");
        assertThat(image.osName()).isEqualTo("Debian");
        assertThat(image.osVersion()).matches("12(\\.\\d+)?");
        assertThat(image.arch()).isEqualTo("x86_64");
        assertThat(image.kernelPath()).isNull(); // boots from its own disk with GRUB
        assertThat(image.sourcePath()).isEqualTo(DebianImage.dir().resolve("debian-12.qcow2").toString());
        assertThat(image.minDiskGib()).isEqualTo(2);
        assertThat(catalog.images()).extracting(ImageInfo::name).contains("demo", "debian-12");
    }

    @Test
    @Order(2)
    void aCustomerOrdersDebianInTheWizardAndLogsInWithSshAsRoot() {
        Await.until("inspection of debian-12", INSPECTION, () -> catalog.orderableImage("debian-12").osName(),
                name -> name != null && !name.isBlank());
        String email = "debian-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String hostname = "deb-" + UUID.randomUUID().toString().substring(0, 6);
        long serverId;
        String domain;
        String ipv4;
        String ipv6;
        try (Browser browser = Browser.open(port)) {
            browser.go("/signup");
            browser.type("signup-email", email);
            browser.type("signup-password", "Correct-horse-42");
            browser.type("signup-repeat", "Correct-horse-42");
            browser.click("signup-submit");
            browser.waitFor(d -> d.getCurrentUrl().contains("/login"));
            VerifiedEmails.verify(jdbc, email); // the confirmation mail itself is EmailVerificationIT's
            browser.signIn(email, "Correct-horse-42");

            browser.go("/order");
            browser.click("plan-small");
            browser.click("next");
            assertThat(browser.text("image-debian-12")).contains("Debian 12 (bookworm)").contains("Debian 12").contains("x86_64");
            browser.click("image-debian-12");
            browser.click("next");
            browser.type("hostname", hostname);
            browser.click("next");
            browser.type("new-key", ssh.publicKey());
            browser.type("root-password", "Debian-root-pass-42");
            // the customer's own cloud-config, merged by Debian's cloud-init after the panel's settings
            browser.type("user-data", "#cloud-config\nruncmd:\n  - [ sh, -c, 'echo user-data-ran-on-$(hostname) > /root/user-data-marker' ]\n");
            browser.click("next");
            assertThat(browser.text("order-summary")).contains(hostname).contains("Debian 12 (bookworm)");
            browser.click("place-order");
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/servers/\\d+$"));
            serverId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/servers/(\\d+)$", "$1"));
            domain = browser.text("spec-domain");
            ipv4 = browser.text("spec-ipv4");
            ipv6 = browser.text("spec-ipv6");
            assertThat(browser.text("spec-user-data")).isEqualTo("given"); // never the text itself
            browser.waitFor(Duration.ofMinutes(4), d -> "running".equals(
                    d.findElement(By.cssSelector("#server-status .status-badge")).getAttribute("data-status")));
        }
        assertThat(ipv4).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");

        Shell.Result login = Await.until("SSH as root on " + ipv4, SSH_READY, () -> ssh.run("root", ipv4, "hostname"),
                Shell.Result::ok);
        assertThat(login.output().trim()).isEqualTo(hostname);
        // SSH answers before cloud-init's last stages ran; one of them restarts sshd (password
        // login on), so the checks wait for cloud-init to finish, without an error in any stage
        String cloudInit = Await.until("cloud-init to finish on " + ipv4, Duration.ofMinutes(5),
                () -> ssh.run("root", ipv4, "cloud-init status --long").output(),
                out -> out.contains("status: done") || out.contains("status: error"));
        assertThat(cloudInit).contains("status: done");
        assertThat(run(ipv4, "cat /root/user-data-marker")).isEqualTo("user-data-ran-on-" + hostname);

        // the hostname resolves (cloud-init manages /etc/hosts); sudo would complain otherwise
        assertThat(run(ipv4, "getent hosts " + hostname)).contains(hostname);
        // Debian's default user has the same key and passwordless sudo
        Shell.Result asDebian = ssh.run("debian", ipv4, "sudo -n hostname");
        assertThat(asDebian.ok()).as("ssh debian@%s sudo -n hostname: %s", ipv4, asDebian.output()).isTrue();
        assertThat(asDebian.output().trim()).isEqualTo(hostname);

        String machineId = ssh.run("root", ipv4, "cat /etc/machine-id").output().trim();
        assertThat(machineId).matches("[0-9a-f]{32}");

        // cloud-init's growpart and resize_rootfs ran before sshd started; the disk is the plan's 20 GiB
        assertThat(run(ipv4, "lsblk -bdno SIZE /dev/vda")).isEqualTo(String.valueOf(20 * GIB));
        long rootBytes = Long.parseLong(run(ipv4, "df -B1 --output=size / | tail -n 1"));
        assertThat(rootBytes).isGreaterThan(18 * GIB);

        // the static address from the seed's network-config, rendered for ifupdown, with its default route
        assertThat(run(ipv4, "ip -4 -o addr show dev eth0")).contains("inet " + ipv4 + "/");
        assertThat(run(ipv4, "cat /etc/network/interfaces.d/50-cloud-init")).contains("iface eth0 inet static");
        assertThat(run(ipv4, "ip route show default")).startsWith("default via ");
        // and the server's IPv6 address from the same network-config, with the on-link default route:
        // from this machine, SSH reaches the guest over IPv6 too
        assertThat(run(ipv4, "ip -6 -o addr show dev eth0 scope global")).contains("inet6 " + ipv6 + "/64");
        assertThat(run(ipv4, "ip -6 route show default")).startsWith("default via ");
        Shell.Result overIpv6 = ssh.run("root", ipv6, "hostname");
        assertThat(overIpv6.ok()).as("ssh root@%s hostname: %s", ipv6, overIpv6.output()).isTrue();
        assertThat(overIpv6.output().trim()).isEqualTo(hostname);
        // the wizard's root password reached the shadow file as a SHA-512 hash
        assertThat(run(ipv4, "getent shadow root | cut -d: -f2")).startsWith("$6$");
        assertThat(run(ipv4, "cat /etc/os-release")).contains("VERSION_ID=\"12\"");
        assertThat(run(ipv4, "systemctl is-active ssh")).isEqualTo("active");
        assertThat(run(ipv4, "dpkg-query -W -f '${Status}' qemu-guest-agent cloud-guest-utils"))
                .isEqualTo("install ok installedinstall ok installed");

        // the agent answers on the port the panel gives virtio guests, so a backup of the running
        // server freezes its filesystems for the moment the job starts (issue 16, item 1)
        assertThat(run(ipv4, "systemctl is-active qemu-guest-agent")).isEqualTo("active");
        AccountSummary owner = accounts.findByEmail(email).orElseThrow();
        long backupId = Users.as(owner, () -> backups.backUpNow(serverId)).id();
        BackupInfo backup = Await.until("backup of " + domain, Duration.ofMinutes(10),
                () -> Users.as(owner, () -> backups.list(serverId)).stream().filter(b -> b.id() == backupId).findFirst().orElseThrow(),
                b -> b.status() != BackupStatus.RUNNING);
        assertThat(backup.status()).as(String.valueOf(backup.detail())).isEqualTo(BackupStatus.OK);
        assertThat(backup.consistency()).isEqualTo("filesystem");
        assertThat(run(ipv4, "touch /root/after-backup && echo thawed")).isEqualTo("thawed");

        // kernel and systemd reach the serial console, whose log the panel keeps
        assertThat(guests.serial(domain)).contains("Linux version").contains("Debian GNU/Linux 12")
                .doesNotContain("Invalid cloud-config"); // the image's own cloud-init settings pass its schema
    }

    private static String run(String ipv4, String command) {
        Shell.Result result = ssh.run("root", ipv4, command);
        assertThat(result.ok()).as("ssh root@%s %s: %s", ipv4, command, result.output()).isTrue();
        return result.output().trim();
    }
}
