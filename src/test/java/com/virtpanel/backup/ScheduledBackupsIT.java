package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.ConflictException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Users;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The plans' daily backups on one real running guest (demo image, TCG), walking through three
 * days' windows: ten simultaneous schedule passes start exactly one backup for the window; with
 * two slots, the third day's backup makes the schedule prune the first, merged into the second
 * so both kept ones stay restorable; "verify all" finds them intact, and after a backup file is
 * changed behind the panel's back it flags that one damaged (audited) and its restore is refused;
 * the owner's server page says when the daily backups come, lists them, backs up on a click and
 * shows that backup's progress as it runs (pushed), which the service gives too.
 * The Quartz pass is off here (a check interval of a day): the test runs passes itself.
 */
@IntegrationTest
@DemoGuests
@TestPropertySource(properties = {"panel.backup.schedule.enabled=true", "panel.backup.schedule.check-interval=1d"})
class ScheduledBackupsIT {

    @Autowired ScheduledBackups schedule;
    @Autowired BackupVerification verification;
    @Autowired BackupService backups;
    @Autowired BackupRepository rows;
    @Autowired BackupStore store;
    @Autowired BackupProperties properties;
    @Autowired CatalogService catalog;
    @Autowired ServerOrders orders;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired JdbcTemplate jdbc;
    @Autowired BackupUpdates updates;
    @LocalServerPort int port;

    @Test
    void dailyBackupsAreMadeOncePerWindowPrunedToThePlansSlotsAndVerified() throws Exception {
        PlanInfo nano = catalog.orderablePlan("nano");
        PlanInfo twoSlots = Users.as(users.admin(), () -> catalog.createPlan(new PlanDraft("two-backups", "Two backups",
                nano.vcpus(), nano.memoryMib(), nano.diskGib(), nano.cpuCapPercent(), nano.cpuShares(), nano.diskIops(),
                nano.diskMbps(), nano.blkioWeight(), nano.netMbps(), nano.trafficGib(), nano.throttledNetMbps(), null,
                nano.priceCents(), nano.currency(), 2)));
        AccountSummary owner = users.newCustomer();
        ServerInfo ordered = Users.as(owner, () -> orders.order(new OrderRequest("daily", twoSlots.name(), "demo",
                List.of(TestKeys.ED25519), null, null)));
        ServerInfo server = guests.awaitStatus(owner, ordered.id(), ServerStatus.RUNNING);
        BackupSchedule window = properties.schedule().window();
        LocalDate dayOne = LocalDate.now(window.zone()).minusDays(10);

        // ten passes at once, after the server's start in the first window: one backup
        List<Integer> started = Together.run(10, i -> schedule.pass(dueOn(window, server.id(), dayOne)));
        assertThat(started.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        Backup first = scheduled(server.id(), dayOne);
        assertThat(awaitDone(owner, server.id(), first.getId()).status()).isEqualTo(BackupStatus.OK);
        // a later pass in the same window makes none
        assertThat(schedule.pass(dueOn(window, server.id(), dayOne).plus(Duration.ofHours(3)))).isZero();

        assertThat(schedule.pass(dueOn(window, server.id(), dayOne.plusDays(1)))).isEqualTo(1);
        Backup second = scheduled(server.id(), dayOne.plusDays(1));
        BackupInfo secondDone = awaitDone(owner, server.id(), second.getId());
        assertThat(secondDone.kind()).isEqualTo(BackupKind.INCREMENTAL);

        Instant dayThree = dueOn(window, server.id(), dayOne.plusDays(2));
        assertThat(schedule.pass(dayThree)).isEqualTo(1);
        Backup third = scheduled(server.id(), dayOne.plusDays(2));
        assertThat(awaitDone(owner, server.id(), third.getId()).status()).isEqualTo(BackupStatus.OK);
        // the next pass prunes beyond the two slots: the first goes, merged into the second
        assertThat(schedule.pass(dayThree.plusSeconds(60))).isZero();
        List<BackupInfo> kept = Users.as(owner, () -> backups.list(server.id()));
        assertThat(kept).extracting(BackupInfo::id).containsExactly(third.getId(), second.getId());
        assertThat(kept.get(1).kind()).as("the second stands alone now").isEqualTo(BackupKind.FULL);
        assertThat(kept).allSatisfy(b -> assertThat(b.status()).isEqualTo(BackupStatus.OK));
        assertThat(Shell.virsh("domstate", server.domain())).isEqualTo("running");

        BackupVerification.Result intact = verification.verifyAll();
        assertThat(intact.damaged()).isZero();
        assertThat(intact.intact()).isGreaterThanOrEqualTo(2);
        assertThat(rows.findById(second.getId()).orElseThrow().getVerifiedAt()).isNotNull();

        // a changed file is found by "verify all", flagged damaged and audited, and never restored
        Path thirdFile = store.file(server.id(), third.getFileName());
        try (var file = new RandomAccessFile(thirdFile.toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0xff);
        }
        assertThat(verification.verifyAll().damaged()).isEqualTo(1);
        assertThat(rows.findById(third.getId()).orElseThrow().getStatus()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'backup.damaged'", Integer.class))
                .isEqualTo(1);
        assertThatThrownBy(() -> Users.as(owner, () -> backups.restore(server.id(), third.getId(), "same", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("damaged");

        // the owner's server page: when the daily backups come and how many are kept, the list, "Back up now",
        // and how far the running backup is, pushed to the open page and in the API
        CountDownLatch moved = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        BackupInfo own;
        try (Browser browser = Browser.open(port)) {
            browser.signIn(owner.email(), Users.PASSWORD);
            browser.go("/servers/" + server.id() + "?tab=backups");
            assertThat(browser.text("backups-daily")).startsWith("Daily backups at about ").contains("the newest 2 are kept");
            assertThat(browser.allText("backup-list")).contains("Damaged").contains("OK");
            assertThat(browser.byId("backup-restore-" + third.getId()).getAttribute("disabled")).isNotNull();
            // subscribed after the page: the page hears each change first; this then holds the backup at its
            // first percentage above 0 (every copy reports 100 at its end at the latest) while the test looks
            Runnable unsubscribe = updates.subscribe(change -> {
                if (change.serverId() == server.id() && change.progress() != null && change.progress() > 0
                        && moved.getCount() > 0) {
                    moved.countDown();
                    try {
                        goOn.await(BackupWaits.BACKUP.toMinutes(), TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            try {
                browser.click("back-up-now");
                browser.waitFor(d -> d.getPageSource().contains("Backup started") ? true : null);
                assertThat(moved.await(BackupWaits.BACKUP.toMinutes(), TimeUnit.MINUTES)).as("the backup reported progress").isTrue();
                own = Users.as(owner, () -> backups.list(server.id())).get(0);
                assertThat(own.status()).isEqualTo(BackupStatus.RUNNING);
                assertThat(own.progress()).isBetween(1, 100);
                String shown = "Backing up… " + own.progress() + " %";
                browser.waitFor(d -> browser.allText("backup-list").contains(shown) ? true : null);
            } finally {
                goOn.countDown();
                unsubscribe.run();
            }
            // its end is pushed too: no backup shows as running any more
            browser.waitFor(d -> browser.allText("backup-list").contains("Backing up") ? null : true);
        }
        assertThat(awaitDone(owner, server.id(), own.id()).progress()).as("only a running backup has a progress").isNull();
        assertThat(rows.findById(own.id()).orElseThrow().getScheduledFor()).as("the customer's own backup").isNull();
    }

    /** A moment in the window of {@code day} just after the server's start time. */
    private static Instant dueOn(BackupSchedule window, long serverId, LocalDate day) {
        return window.startOf(serverId, day).plusSeconds(1);
    }

    private Backup scheduled(long serverId, LocalDate day) {
        List<Backup> of = rows.findByServerIdAndScheduledForNotNullOrderByCreatedAtDescIdDesc(serverId).stream()
                .filter(b -> day.equals(b.getScheduledFor())).toList();
        assertThat(of).as("scheduled backups of %s", day).hasSize(1);
        return of.get(0);
    }

    private BackupInfo awaitDone(AccountSummary owner, long serverId, long backupId) {
        BackupInfo done = BackupWaits.finished(backups, owner, serverId, backupId);
        assertThat(done.status()).as(String.valueOf(done.detail())).isEqualTo(BackupStatus.OK);
        return done;
    }
}
