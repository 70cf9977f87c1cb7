package com.virtpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.PasswordResetService;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.TestSmtp;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox and the single-use reset links on PostgreSQL: the claims and the token consumption are conditional updates there too. */
@PostgresIntegrationTest
class PostgresMailIT {

    @Autowired MailOutbox outbox;
    @Autowired MailDelivery delivery;
    @Autowired PasswordResetService resets;
    @Autowired Users users;
    @Autowired JdbcTemplate jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("panel.mail.host", () -> "127.0.0.1");
        registry.add("panel.mail.port", TestSmtp::port);
        registry.add("panel.mail.starttls", () -> "false");
        registry.add("panel.mail.poll-interval", () -> "500ms");
    }

    @Test
    void tenMessagesAtOnceWithCompetingPassesAreEachDeliveredOnceAndAResetLinkWorksOnce() throws Exception {
        TestSmtp.start();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recipients.add("pg-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        }
        // three delivery passes race each other for the ten rows being written
        Together.run(recipients.size() + 3, i -> {
            if (i < recipients.size()) {
                outbox.enqueue(new MailRequest(recipients.get(i), "password-reset", "ru",
                        Map.of("link", "https://p.example/r", "minutes", "30")));
            } else {
                for (int pass = 0; pass < 20; pass++) {
                    delivery.pass();
                }
            }
            return null;
        });
        Await.until("all ten sent", Duration.ofSeconds(60), () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT' AND recipient LIKE 'pg-%'", Integer.class), n -> n == 10);
        for (String to : recipients) {
            assertThat(TestSmtp.to(to)).hasSize(1);
            assertThat(TestSmtp.to(to).get(0).getSubject()).isEqualTo("Сброс пароля Virtpanel");
        }

        var customer = users.newCustomer();
        resets.request(customer.email(), "192.0.2.1");
        String token = TestSmtp.token(TestSmtp.awaitWith(customer.email(), "/reset-password?token="));
        assertThat(resets.usable(token)).isTrue();
        resets.confirm(token, "Copper-meadow-lantern-51");
        assertThat(resets.usable(token)).isFalse();
    }
}
