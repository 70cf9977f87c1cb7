package com.virtpanel.account;

import com.virtpanel.base.security.RememberMe;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The remember-me logins ("Keep me signed in") of an account, one row per browser in Spring's
 * {@code persistent_logins} table. Spring's token repository can only forget all of a user's rows;
 * the account page lists them and forgets one at a time.
 */
@Component
class RememberedLogins {

    /** One remembered browser; {@code series} is half of its cookie and never leaves the server. */
    record Remembered(String series, Instant startedAt, Instant lastUsedAt) {

        Instant expiresAt() {
            return lastUsedAt.plus(RememberMe.VALIDITY);
        }

        String handle() {
            return ApiTokenService.hash(series).substring(0, 24);
        }
    }

    private final JdbcTemplate jdbc;

    RememberedLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's remembered logins that still work at {@code now}. */
    List<Remembered> of(String email, Instant now) {
        return jdbc.query("SELECT series, created_at, last_used FROM persistent_logins WHERE username = ?",
                (rs, i) -> new Remembered(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))), email)
                .stream().filter(r -> r.lastUsedAt() != null && r.expiresAt().isAfter(now)).toList();
    }

    void forget(String email, String series) {
        jdbc.update("DELETE FROM persistent_logins WHERE username = ? AND series = ?", email, series);
    }

    void forgetAll(String email) {
        jdbc.update("DELETE FROM persistent_logins WHERE username = ?", email);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
