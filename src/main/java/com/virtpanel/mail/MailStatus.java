package com.virtpanel.mail;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What admins see of mail: whether SMTP is configured, what waits, and what failed for good. */
@Service
public class MailStatus {

    private final JdbcTemplate jdbc;
    private final MailProperties properties;

    MailStatus(JdbcTemplate jdbc, MailProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public record FailedMail(long id, String recipient, String template, int attempts, String lastError, OffsetDateTime createdAt) {
    }

    /** "smtp.example.com:587 (STARTTLS) as user, from …", or how mail is handled without SMTP. */
    @PreAuthorize("hasRole('ADMIN')")
    public String smtp() {
        if (!properties.smtpConfigured()) {
            return "not configured: mail is logged, not sent (set panel.mail.host)";
        }
        return properties.host() + ":" + properties.port() + (properties.starttls() ? " (STARTTLS)" : "")
                + (properties.username().isBlank() ? "" : " as " + properties.username()) + ", from " + properties.from();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public boolean smtpConfigured() {
        return properties.smtpConfigured();
    }

    /** Messages waiting for their first or next attempt. */
    @PreAuthorize("hasRole('ADMIN')")
    public long waiting() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status IN (?, ?)", Long.class,
                OutboxStatus.PENDING.name(), OutboxStatus.SENDING.name());
        return n == null ? 0 : n;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<FailedMail> failed() {
        return jdbc.query("SELECT id, recipient, template, attempts, last_error, created_at FROM mail_outbox WHERE status = ?"
                        + " ORDER BY id DESC FETCH FIRST 100 ROWS ONLY",
                (rs, i) -> new FailedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)),
                OutboxStatus.FAILED.name());
    }
}
