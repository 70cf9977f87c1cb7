package com.virtpanel.mail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One delivery pass over the outbox. Each due message is claimed with a conditional update
 * (PENDING → SENDING) before it is sent: of two passes that see the same row (two panel
 * instances, or a pass started by hand), exactly one wins it. Nothing here runs in a database
 * transaction, so no connection is held while the SMTP server talks. A claim left by a pass
 * that died mid-way is released after {@link #STALE_CLAIM}: at-least-once, never lost.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final MailTemplates templates;
    private final SmtpSender smtp;
    private final MailProperties properties;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Clock clock;

    MailDelivery(JdbcTemplate jdbc, MailTemplates templates, SmtpSender smtp, MailProperties properties, ObjectMapper json,
            MeterRegistry metrics, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.smtp = smtp;
        this.properties = properties;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    private record Due(long id, String recipient, String template, String language, String parameters, int attempts) {
    }

    /** Delivers what is due; returns how many messages this pass handled. */
    int pass() {
        Instant now = clock.instant();
        jdbc.update("UPDATE mail_outbox SET status = ?, claimed_at = NULL WHERE status = ? AND claimed_at < ?",
                OutboxStatus.PENDING.name(), OutboxStatus.SENDING.name(), at(now.minus(STALE_CLAIM)));
        List<Due> due = jdbc.query("SELECT id, recipient, template, language, parameters, attempts FROM mail_outbox"
                        + " WHERE status = ? AND next_attempt_at <= ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY",
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)),
                OutboxStatus.PENDING.name(), at(now));
        int handled = 0;
        for (Due message : due) {
            if (claim(message.id())) {
                deliver(message);
                handled++;
            }
        }
        return handled;
    }

    /** Deletes sent and logged messages after panel.mail.keep-sent, failed ones after keep-failed. */
    int cleanUp() {
        Instant now = clock.instant();
        return jdbc.update("DELETE FROM mail_outbox WHERE status IN (?, ?) AND finished_at < ?", OutboxStatus.SENT.name(),
                OutboxStatus.NOT_SENT.name(), at(now.minus(properties.keepSent())))
                + jdbc.update("DELETE FROM mail_outbox WHERE status = ? AND finished_at < ?", OutboxStatus.FAILED.name(),
                        at(now.minus(properties.keepFailed())));
    }

    private boolean claim(long id) {
        return jdbc.update("UPDATE mail_outbox SET status = ?, claimed_at = ? WHERE id = ? AND status = ?",
                OutboxStatus.SENDING.name(), at(clock.instant()), id, OutboxStatus.PENDING.name()) == 1;
    }

    private void deliver(Due message) {
        MailTemplates.Rendered mail;
        try {
            mail = templates.render(message.template(), message.language(),
                    json.readValue(message.parameters(), new TypeReference<Map<String, String>>() { }));
        } catch (Exception e) {
            finish(message.id(), OutboxStatus.FAILED, "cannot render: " + e.getMessage());
            log.warn("Mail {} to {} cannot be rendered and was given up: {}", message.template(), message.recipient(), e.getMessage());
            return;
        }
        if (!smtp.configured()) {
            // Template and recipient only: the body may hold a single-use link.
            log.info("Mail not sent: no SMTP (panel.mail.host is empty): {} to {}", message.template(), message.recipient());
            finish(message.id(), OutboxStatus.NOT_SENT, null);
            count("not_sent");
            return;
        }
        try {
            smtp.send(message.recipient(), mail);
            finish(message.id(), OutboxStatus.SENT, null);
            count("sent");
            log.info("Mail {} sent to {}", message.template(), message.recipient());
        } catch (Exception e) {
            failed(message, e);
        }
    }

    private void failed(Due message, Exception e) {
        int attempts = message.attempts() + 1;
        String error = describe(e);
        if (attempts >= properties.maxAttempts()) {
            jdbc.update("UPDATE mail_outbox SET attempts = ? WHERE id = ?", attempts, message.id());
            finish(message.id(), OutboxStatus.FAILED, error);
            count("failed");
            log.warn("Mail {} to {} failed {} times and was given up: {}", message.template(), message.recipient(), attempts, error);
            return;
        }
        Duration pause = backoff(attempts);
        jdbc.update("UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, claimed_at = NULL, last_error = ?"
                        + " WHERE id = ?",
                OutboxStatus.PENDING.name(), attempts, at(clock.instant().plus(pause)), error, message.id());
        count("retry");
        log.info("Mail {} to {} not delivered (attempt {}), next try in {} s: {}", message.template(), message.recipient(), attempts,
                pause.toSeconds(), error);
    }

    /** first-retry after the first failure, doubling each time, never more than max-retry. */
    Duration backoff(int attempts) {
        Duration pause = properties.firstRetry();
        for (int i = 1; i < attempts && pause.compareTo(properties.maxRetry()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : pause;
    }

    private void finish(long id, OutboxStatus status, String error) {
        jdbc.update("UPDATE mail_outbox SET status = ?, finished_at = ?, claimed_at = NULL, last_error = ?, parameters = '{}'"
                + " WHERE id = ?", status.name(), at(clock.instant()), error, id);
    }

    private void count(String outcome) {
        metrics.counter("virtpanel.mail.messages", "outcome", outcome).increment();
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
