package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.SecondHost;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VerifiedEmails;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * libvirtd restarts while a backup of a running guest is under way (on a private daemon, the
 * shared one is never restarted): the guest keeps running, the panel reconnects by itself, the
 * backup counts as good only if it is, else it is failed with a reason, and the next one works.
 */
class LibvirtdRestartIT {

    private static final Duration BACKUP = Duration.ofMinutes(5);
    private static final SecondHost HOST = new SecondHost();
    private static ConfigurableApplicationContext panel;

    @BeforeAll
    static void startHostAndPanel() {
        DemoImage.require();
        HOST.start();
        panel = new SpringApplicationBuilder(VirtpanelApplication.class)
                .run(HOST.panelArguments("--spring.profiles.active=test", "--server.port=0"));
    }

    @AfterAll
    static void stop() {
        try {
            if (panel != null) {
                panel.getBean(Guests.class).removeAll();
                panel.close();
            }
        } finally {
            HOST.stop();
        }
    }

    @Test
    void aBackupAcrossALibvirtdRestartIsGoodOrFailedWithAReasonAndTheNextOneWorks() {
        var customer = panel.getBean(AccountService.class).signUp("restart-" + System.nanoTime() + "@example.com", Users.PASSWORD);
        VerifiedEmails.verify(panel.getBean(JdbcTemplate.class), customer.email());
        ServerInfo ordered = Users.as(customer, () -> panel.getBean(ServerOrders.class)
                .order(new OrderRequest("restarted", "nano", "demo", List.of(TestKeys.ED25519), null, null)));
        Guests guests = panel.getBean(Guests.class);
        ServerInfo server = guests.awaitStatus(customer, ordered.id(), ServerStatus.RUNNING);
        guests.awaitSerial(server.domain(), "virtpanel-demo ready");
        BackupService backups = panel.getBean(BackupService.class);

        long backupId = Users.as(customer, () -> backups.backUpNow(server.id())).id();
        // slow QEMU's copy to a crawl as soon as it shows, so that the restart falls inside the job
        String job = throttledJob(server.domain(), 1);
        HOST.restart();
        if (job != null) {
            setSpeed(server.domain(), job, 0); // the same QEMU job, now under the restarted daemon: full speed
        }
        BackupInfo across = awaitDone(backups, customer, server.id(), backupId);

        assertThat(HOST.virsh("domstate", server.domain())).isEqualTo("running");
        assertThat(across.status()).as(String.valueOf(across.detail())).isIn(BackupStatus.OK, BackupStatus.FAILED);
        if (across.status() == BackupStatus.FAILED) {
            assertThat(across.detail()).as("a failed backup says why").isNotNull();
            if (job != null) {
                assertThat(across.detail().key()).isEqualTo("error.host.backup-interrupted");
            }
        } else {
            assertThat(across.sizeBytes()).as("a good backup holds the disk").isPositive();
        }
        // the panel's connection came back by itself: the next backup goes through the same panel
        BackupInfo next = awaitDone(backups, customer, server.id(), Users.as(customer, () -> backups.backUpNow(server.id())).id());
        assertThat(next.status()).as(String.valueOf(next.detail())).isEqualTo(BackupStatus.OK);
        assertThat(guests.awaitStatus(customer, server.id(), ServerStatus.RUNNING).status()).isEqualTo(ServerStatus.RUNNING);
    }

    /** The guest's backup block job once QEMU shows it (throttled to {@code speed} bytes/s); null when none showed in time. */
    private static String throttledJob(String domain, long speed) {
        for (int i = 0; i < 600; i++) {
            Matcher m = Pattern.compile("\"device\": *\"([^\"]+)\"")
                    .matcher(HOST.virsh("qemu-monitor-command", domain, "{\"execute\":\"query-block-jobs\"}"));
            if (m.find()) {
                setSpeed(domain, m.group(1), speed);
                return m.group(1);
            }
        }
        return null;
    }

    private static void setSpeed(String domain, String job, long speed) {
        HOST.virsh("qemu-monitor-command", domain, "{\"execute\":\"block-job-set-speed\",\"arguments\":{\"device\":\""
                + job + "\",\"speed\":" + speed + "}}");
    }

    private static BackupInfo awaitDone(BackupService backups, AccountSummary owner, long serverId, long backupId) {
        return Users.as(owner, () -> Await.until("backup " + backupId + " to finish", BACKUP,
                () -> backups.list(serverId).stream().filter(b -> b.id() == backupId).findFirst().orElseThrow(),
                b -> b.status() != BackupStatus.RUNNING));
    }
}
