package com.virtpanel.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMTP and delivery settings ({@code panel.mail.*}). With no host, nothing is sent: each
 * message is logged as "not sent: no SMTP" (template and recipient only) and the panel works.
 *
 * @param host         the SMTP server; empty means mail is not sent
 * @param port         587 (submission with STARTTLS) unless told otherwise
 * @param starttls     require STARTTLS before authenticating
 * @param username     SMTP user, if the server wants one
 * @param password     SMTP password (never logged)
 * @param from         the sender address of every message
 * @param linkBaseUrl  how customers reach the panel, for links in mails; empty: http://localhost:PORT
 * @param pollInterval how often the delivery job looks for due messages
 * @param maxAttempts  failed attempts before a message is given up and shown to admins as failed
 * @param firstRetry   the pause after the first failure; each further failure doubles it
 * @param maxRetry     the longest pause between attempts
 * @param keepSent     sent (or logged) messages are deleted this long after
 * @param keepFailed   failed messages stay visible to admins this long
 * @param timeout      connect, read and write timeout of one SMTP conversation
 */
@ConfigurationProperties("panel.mail")
record MailProperties(@DefaultValue("") String host, @DefaultValue("587") int port, @DefaultValue("true") boolean starttls,
        @DefaultValue("") String username, @DefaultValue("") String password,
        @DefaultValue("Virtpanel <noreply@localhost>") String from, @DefaultValue("") String linkBaseUrl,
        @DefaultValue("5s") Duration pollInterval, @DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry, @DefaultValue("7d") Duration keepSent, @DefaultValue("30d") Duration keepFailed,
        @DefaultValue("20s") Duration timeout) {

    boolean smtpConfigured() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        // the password stays out of any log or error page that prints the settings
        return "MailProperties[host=" + host + ", port=" + port + ", starttls=" + starttls + ", username=" + username
                + ", from=" + from + "]";
    }
}
