package com.virtpanel.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountEvents;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.Bytes;
import com.virtpanel.quota.QuotaEvents;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.MailIntegrationTest;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.TestSmtp;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/** Notices by mail, from the other modules' events, as the customer chose them. */
@MailIntegrationTest
class NoticesIT {

    private static final String ROOT_PASSWORD = "Walnut-ferry-castle-84";

    @Autowired Users users;
    @Autowired ServerOrders servers;
    @Autowired AccountService accounts;
    @Autowired NoticePreferences preferences;
    @Autowired ApplicationEventPublisher events;
    @Autowired Guests guests;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void smtpUp() {
        TestSmtp.port();
        TestSmtp.start();
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void aReadyServerIsAnnouncedWithItsAddressNeverItsPasswordAndTrafficNoticesFollowTheCustomersChoice() throws Exception {
        DemoImage.require();
        AccountSummary customer = users.newCustomer();
        ServerInfo ordered = Users.as(customer, () -> servers.order(
                new OrderRequest("notice-1", "nano", "demo", List.of(TestKeys.ED25519), ROOT_PASSWORD, null)));
        ServerInfo running = guests.awaitStatus(customer, ordered.id(), ServerStatus.RUNNING);

        MimeMessage ready = TestSmtp.awaitSubject(customer.email(), "Your server notice-1 is ready");
        assertThat(TestSmtp.text(ready)).contains(running.ipv4()).doesNotContain(ROOT_PASSWORD);
        assertThat(TestSmtp.html(ready)).contains(running.ipv4()).doesNotContain(ROOT_PASSWORD);

        var nearlyUsed = new QuotaEvents.TrafficAllowanceNearlyUsed(running.id(), customer.id(), 80, 820 * Bytes.GIB,
                1000 * Bytes.GIB, Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        events.publishEvent(nearlyUsed);
        MimeMessage traffic = TestSmtp.awaitSubject(customer.email(), "notice-1 has used 80 % of its traffic");
        assertThat(TestSmtp.text(traffic)).contains("820.0 GiB of its 1000.0 GiB").contains("2027-01-01 00:00 UTC");

        Users.as(customer, () -> preferences.set(Notice.TRAFFIC_NEARLY_USED, false));
        assertThat(Users.as(customer, () -> preferences.mine())).containsEntry(Notice.TRAFFIC_NEARLY_USED, false)
                .containsEntry(Notice.SERVER_READY, true);
        events.publishEvent(nearlyUsed);
        events.publishEvent(new QuotaEvents.CpuThrottled(running.id(), customer.id(), 10));
        TestSmtp.awaitSubject(customer.email(), "notice-1 has used up its CPU burst credits");
        assertThat(outboxRows(customer.email(), "traffic-nearly-used")).as("the turned-off notice is skipped").isEqualTo(1);
        assertThat(outboxRows(customer.email(), "cpu-burst-exhausted")).isEqualTo(1);
    }

    @Test
    void suspensionAndAStaffVisitAreAlwaysToldEvenWithEveryOptionalNoticeOff() {
        AccountSummary customer = users.newCustomer();
        for (Notice notice : Notice.values()) {
            if (notice.optional()) {
                Users.as(customer, () -> preferences.set(notice, false));
            }
        }
        Users.as(users.admin(), () -> accounts.suspend(customer.id()));
        TestSmtp.awaitSubject(customer.email(), "Your Virtpanel account is suspended");
        Users.as(users.admin(), () -> accounts.unsuspend(customer.id()));
        TestSmtp.awaitSubject(customer.email(), "Your Virtpanel account is active again");

        var staff = users.newStaff(Users.role("SUPPORT"));
        events.publishEvent(new AccountEvents.ImpersonationStarted(staff.id(), staff.email(), customer.id(), customer.email(),
                "Ticket 4711: the server does not boot", true));
        MimeMessage visit = TestSmtp.awaitSubject(customer.email(), "Support opened your Virtpanel account");
        assertThat(TestSmtp.text(visit)).contains("Ticket 4711: the server does not boot").contains("read-only")
                .doesNotContain(staff.email());
    }

    @Test
    void tenSimultaneousChoicesForOneNoticeLeaveOneAnswer() throws Exception {
        AccountSummary customer = users.newCustomer();
        Together.run(10, i -> Users.as(customer, () -> {
            preferences.set(Notice.REINSTALL_DONE, i % 2 == 0);
            return null;
        }));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_preference WHERE account_id = ? AND notice = 'REINSTALL_DONE'",
                Integer.class, customer.id())).isEqualTo(1);
        Users.as(customer, () -> preferences.set(Notice.REINSTALL_DONE, false));
        assertThat(Users.as(customer, () -> preferences.mine())).containsEntry(Notice.REINSTALL_DONE, false);
    }

    private int outboxRows(String to, String template) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND template = ?", Integer.class, to, template);
    }
}
