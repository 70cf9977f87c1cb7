package com.virtpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.MailIntegrationTest;
import com.virtpanel.testkit.TestSmtp;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MailIntegrationTest
class MailOutboxIT {

    @Autowired MailOutbox outbox;
    @Autowired MailDelivery delivery;
    @Autowired MailStatus status;
    @Autowired JdbcTemplate jdbc;
    @Autowired Users users;

    @AfterEach
    void smtpIsUpAgain() {
        TestSmtp.start();
    }

    @Test
    void whileSmtpIsDownTheMessageWaitsInTheOutboxAndIsDeliveredWhenSmtpReturns() {
        String to = recipient();
        TestSmtp.port();
        TestSmtp.stop();
        outbox.enqueue(resetMail(to));

        Await.until("a failed attempt", Duration.ofSeconds(60), () -> attempts(to), n -> n >= 1);
        assertThat(status(to)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT last_error FROM mail_outbox WHERE recipient = ?", String.class, to)).isNotBlank();

        TestSmtp.start();
        var mail = TestSmtp.awaitOne(to);
        assertThat(TestSmtp.text(mail)).contains("https://panel.example/reset-password?token=abc");
        Await.until("the message marked sent", Duration.ofSeconds(30), () -> status(to), "SENT"::equals);
        assertThat(jdbc.queryForObject("SELECT parameters FROM mail_outbox WHERE recipient = ?", String.class, to))
                .as("the link is not kept after delivery").isEqualTo("{}");
    }

    @Test
    void tenMessagesEnqueuedAtOnceAreEachDeliveredExactlyOnceWhileSeveralPassesRun() throws Exception {
        TestSmtp.port();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recipients.add(recipient());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // extra delivery passes race the scheduled job for the same rows
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<?>> passes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                passes.add(pool.submit(() -> {
                    while (running.get()) {
                        delivery.pass();
                    }
                    return null;
                }));
            }
            Together.run(recipients.size(), i -> {
                outbox.enqueue(resetMail(recipients.get(i)));
                return null;
            });
            Await.until("all ten sent", Duration.ofSeconds(60),
                    () -> recipients.stream().filter(to -> "SENT".equals(status(to))).count(), n -> n == 10);
            running.set(false);
            for (Future<?> f : passes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String to : recipients) {
            assertThat(TestSmtp.to(to)).as("mails to %s", to).hasSize(1);
        }
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpAndShownToAdmins() {
        String to = recipient();
        TestSmtp.port();
        TestSmtp.stop();
        outbox.enqueue(resetMail(to));
        Await.until("the message given up", Duration.ofSeconds(90), () -> status(to), "FAILED"::equals);
        TestSmtp.start();

        assertThat(attempts(to)).isEqualTo(4);
        var failed = Users.as(users.admin(), () -> status.failed());
        assertThat(failed).anySatisfy(m -> {
            assertThat(m.recipient()).isEqualTo(to);
            assertThat(m.template()).isEqualTo("password-reset");
            assertThat(m.lastError()).isNotBlank();
        });
        assertThat(Users.as(users.admin(), () -> status.smtp())).contains("127.0.0.1:");
        // given up is given up: SMTP is back, and the message stays failed
        delivery.pass();
        assertThat(status(to)).isEqualTo("FAILED");
        assertThat(TestSmtp.to(to)).isEmpty();
    }

    private static MailRequest resetMail(String to) {
        return new MailRequest(to, "password-reset", "en", Map.of("link", "https://panel.example/reset-password?token=abc",
                "minutes", "30"));
    }

    private static String recipient() {
        return "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String status(String to) {
        return jdbc.queryForObject("SELECT status FROM mail_outbox WHERE recipient = ?", String.class, to);
    }

    private int attempts(String to) {
        return jdbc.queryForObject("SELECT attempts FROM mail_outbox WHERE recipient = ?", Integer.class, to);
    }
}
