package com.virtpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The test profile, like a fresh ./panel run, has no SMTP server: mail is logged as not sent, and nothing else changes. */
@IntegrationTest
class MailWithoutSmtpIT {

    @Autowired Users users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MailStatus status;

    @Test
    void withoutSmtpASignUpSucceedsAndItsMailIsMarkedNotSentWithoutKeepingTheLink() {
        var customer = users.newUnverifiedCustomer();
        Await.until("the confirmation mail handled", Duration.ofSeconds(60), () -> jdbc.queryForObject(
                "SELECT status FROM mail_outbox WHERE recipient = ?", String.class, customer.email()), "NOT_SENT"::equals);
        assertThat(jdbc.queryForObject("SELECT parameters FROM mail_outbox WHERE recipient = ?", String.class, customer.email()))
                .isEqualTo("{}");
        assertThat(Users.as(users.admin(), () -> status.smtpConfigured())).isFalse();
    }
}
