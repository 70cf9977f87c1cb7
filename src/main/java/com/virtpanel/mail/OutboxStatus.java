package com.virtpanel.mail;

/** Where a message in the outbox stands. */
public enum OutboxStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Claimed by one delivery pass, which is talking to the SMTP server. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** No SMTP server configured: logged (template and recipient), not sent. */
    NOT_SENT,
    /** Given up after panel.mail.max-attempts failures; shown to admins. */
    FAILED
}
