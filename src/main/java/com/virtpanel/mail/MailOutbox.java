package com.virtpanel.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.virtpanel.base.SkipsCallerCheck;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other modules send mail: a row in the outbox, written in the caller's transaction (a
 * rolled-back sign-up mails nothing), delivered later by {@link MailDelivery}. Enqueuing never
 * talks to the SMTP server, so no page or job waits on it.
 */
@SkipsCallerCheck
@Service
public class MailOutbox {

    private final JdbcTemplate jdbc;
    private final MailTemplates templates;
    private final ObjectMapper json;
    private final Clock clock;
    private final MailProperties properties;

    MailOutbox(JdbcTemplate jdbc, MailTemplates templates, ObjectMapper json, Clock clock, MailProperties properties) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Whether enqueued mail leaves the panel (an SMTP server is configured). Without one, a
     * message is only logged, so nothing may wait for the recipient to act on it.
     */
    public boolean delivers() {
        return properties.smtpConfigured();
    }

    @Transactional
    public void enqueue(MailRequest request) {
        if (!templates.exists(request.template())) {
            throw new IllegalArgumentException("no mail template " + request.template());
        }
        String parameters;
        try {
            parameters = json.writeValueAsString(request.parameters());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mail parameters", e);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("INSERT INTO mail_outbox (recipient, template, language, parameters, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                request.recipient(), request.template(), request.language() == null ? MailTemplates.FALLBACK_LANGUAGE : request.language(),
                parameters, OutboxStatus.PENDING.name(), now, now);
    }
}
