package com.virtpanel.base.throttle;

import com.virtpanel.base.Sha256;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Backoff}'s policy with its counts in the database ({@code sign_in_failure}), so that
 * every panel instance sees the same failures: a guesser spreading attempts over instances gains
 * nothing. A failure is counted in a transaction of its own that locks the key's row (the first
 * failure of a key inserts it; two racing inserts leave one, and the loser counts again on the
 * row), so simultaneous failures are all counted. Keys quiet for longer than the forget-after
 * period are deleted every so many failures.
 */
public final class StoredBackoff implements FailureCounter {

    private static final int SWEEP_EVERY = 100;
    private static final int MAX_KEY = 200;

    private final String scope;
    private final Backoff policy;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final AtomicInteger sinceSweep = new AtomicInteger();

    public StoredBackoff(String scope, Backoff policy, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.scope = scope;
        this.policy = policy;
        this.clock = clock;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Its own transaction: a failed sign-in is counted even if the caller's work rolls back.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long waitSeconds(String key) {
        List<Long> blockedUntil = jdbc.queryForList("SELECT blocked_until_ms FROM sign_in_failure WHERE throttle_key = ?",
                Long.class, stored(key));
        return blockedUntil.isEmpty() ? 0 : Backoff.secondsUntil(blockedUntil.get(0), clock.millis());
    }

    @Override
    public long failed(String key) {
        if (sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            sinceSweep.set(0);
            forgetQuietKeys();
        }
        String stored = stored(key);
        for (int attempt = 1; ; attempt++) {
            try {
                Long wait = ownTransaction.execute(status -> count(stored));
                return wait == null ? 0 : wait;
            } catch (DataIntegrityViolationException racedInsert) {
                if (attempt >= 3) {
                    throw racedInsert;
                }
                // Another request inserted the key first: the row is there now, count on it.
            }
        }
    }

    @Override
    public void succeeded(String key) {
        jdbc.update("DELETE FROM sign_in_failure WHERE throttle_key = ?", stored(key));
    }

    /** Deletes the keys whose last failure is older than the forget-after period; returns how many. */
    public int forgetQuietKeys() {
        return jdbc.update("DELETE FROM sign_in_failure WHERE last_failure_ms <= ?", clock.millis() - policy.forgetAfterMillis());
    }

    private record Row(int failures, long lastFailure, long blockedUntil) {
    }

    /** One failure of a stored key, inside its own transaction; returns the seconds it must now wait. */
    private long count(String key) {
        long now = clock.millis();
        List<Row> rows = jdbc.query("SELECT failures, last_failure_ms, blocked_until_ms FROM sign_in_failure "
                + "WHERE throttle_key = ? FOR UPDATE", (rs, i) -> new Row(rs.getInt(1), rs.getLong(2), rs.getLong(3)), key);
        if (rows.isEmpty()) {
            long blockedUntil = now + policy.delayMillis(1);
            jdbc.update("INSERT INTO sign_in_failure (throttle_key, failures, last_failure_ms, blocked_until_ms) VALUES (?, 1, ?, ?)",
                    key, now, blockedUntil);
            return Backoff.secondsUntil(blockedUntil, now);
        }
        // The same steps as Backoff: a quiet key starts over; while failures are free an earlier block stands.
        Row row = rows.get(0);
        boolean forgotten = now - row.lastFailure() >= policy.forgetAfterMillis();
        int failures = forgotten ? 1 : row.failures() + 1;
        long delay = policy.delayMillis(failures);
        long blockedUntil = delay > 0 ? now + delay : forgotten ? 0 : row.blockedUntil();
        jdbc.update("UPDATE sign_in_failure SET failures = ?, last_failure_ms = ?, blocked_until_ms = ? WHERE throttle_key = ?",
                failures, now, blockedUntil, key);
        return Backoff.secondsUntil(blockedUntil, now);
    }

    /** The scope keeps sign-in and sign-up counts apart; a key too long for the column (an email typed as a novel) is hashed. */
    private String stored(String key) {
        String full = scope + ":" + key;
        return full.length() <= MAX_KEY ? full : scope + ":sha256:" + sha256(full);
    }

    private static String sha256(String s) {
        return Sha256.hex(s);
    }
}
