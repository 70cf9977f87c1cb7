package com.virtpanel.testkit;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks an account's email address confirmed, as opening the mailed link would: tests that
 * order servers need it (panel.mail.require-verified-email stays on in tests). The mailed
 * link itself is tested in EmailVerificationIT.
 */
public final class VerifiedEmails {

    private VerifiedEmails() {
    }

    public static void verify(JdbcTemplate jdbc, String email) {
        int changed = jdbc.update("UPDATE account SET email_verified_at = ? WHERE LOWER(email) = LOWER(?)",
                Timestamp.from(Instant.now()), email);
        if (changed != 1) {
            throw new IllegalStateException("no account " + email + " to verify");
        }
    }
}
