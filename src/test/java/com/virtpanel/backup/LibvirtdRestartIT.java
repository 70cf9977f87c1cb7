package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.SecondHostPanel;
import com.virtpanel.testkit.Users;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * libvirtd restarts while a backup of a running guest is under way (on a private daemon, the
 * shared one is never restarted): the guest keeps running, the panel reconnects by itself, the
 * backup counts as good only if it is, else it is failed with a reason, and the next one works.
 */
class LibvirtdRestartIT {

    private static SecondHostPanel panel;

    @BeforeAll
    static void startHostAndPanel() {
        panel = SecondHostPanel.start();
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @Test
    void aBackupAcrossALibvirtdRestartIsGoodOrFailedWithAReasonAndTheNextOneWorks() {
        SecondHostPanel.Order order = panel.order("restarted");
        AccountSummary customer = order.customer();
        Guests guests = panel.bean(Guests.class);
        ServerInfo server = guests.awaitStatus(customer, order.server().id(), ServerStatus.RUNNING);
        guests.awaitSerial(server.domain(), "virtpanel-demo ready");
        BackupService backups = panel.bean(BackupService.class);

        long backupId = Users.as(customer, () -> backups.backUpNow(server.id())).id();
        // slow QEMU's copy to a crawl as soon as it shows, so that the restart falls inside the job
        String job = throttledJob(server.domain(), 1,
                () -> BackupWaits.now(backups, customer, server.id(), backupId).status() == BackupStatus.RUNNING);
        panel.host().restart();
        if (job != null) {
            setSpeed(server.domain(), job, 0); // the same QEMU job, now under the restarted daemon: full speed
        }
        BackupInfo across = BackupWaits.finished(backups, customer, server.id(), backupId);

        assertThat(panel.host().virsh("domstate", server.domain())).isEqualTo("running");
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
        BackupInfo next = BackupWaits.finished(backups, customer, server.id(), Users.as(customer, () -> backups.backUpNow(server.id())).id());
        assertThat(next.status()).as(String.valueOf(next.detail())).isEqualTo(BackupStatus.OK);
        assertThat(guests.awaitStatus(customer, server.id(), ServerStatus.RUNNING).status()).isEqualTo(ServerStatus.RUNNING);
    }

    /**
     * The guest's backup block job once QEMU shows it (throttled to {@code speed} bytes/s); null when
     * none showed in time or the copy was over first (a small disk can be copied between two looks).
     */
    private static String throttledJob(String domain, long speed, BooleanSupplier backupRuns) {
        for (int i = 0; i < 600 && backupRuns.getAsBoolean(); i++) {
            Matcher m = Pattern.compile("\"device\": *\"([^\"]+)\"")
                    .matcher(panel.host().virsh("qemu-monitor-command", domain, "{\"execute\":\"query-block-jobs\"}"));
            if (m.find()) {
                setSpeed(domain, m.group(1), speed);
                return m.group(1);
            }
        }
        return null;
    }

    private static void setSpeed(String domain, String job, long speed) {
        panel.host().virsh("qemu-monitor-command", domain, "{\"execute\":\"block-job-set-speed\",\"arguments\":{\"device\":\""
                + job + "\",\"speed\":" + speed + "}}");
    }
}
