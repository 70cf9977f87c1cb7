package com.virtpanel.account;

import com.virtpanel.base.security.TrackedSessionRegistry;
import com.virtpanel.base.security.SignOutMarks;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The account's "signed out before" ({@code account.signed_out_before}): written in the
 * transaction of the change that ends the sessions, read by every panel instance's
 * {@code StaleSessionFilter}. Reads are cached per account for
 * {@code panel.security.session-check-interval} (5 s), so that Vaadin's many round trips do not
 * each cost a query: another instance's sessions end within that interval, this instance's at once
 * (they are also expired in its session registry).
 */
@Component
class SignOutMarksStore implements SignOutMarks {

    @ConfigurationProperties("panel.security")
    record Properties(@DefaultValue("5s") Duration sessionCheckInterval) {
    }

    private record Cached(Optional<Instant> mark, long readAtNanos) {
    }

    private static final int CACHE_LIMIT = 10_000;

    private final JdbcTemplate jdbc;
    /** Lazily: the registry is made by the security configuration, which needs this store. */
    private final ObjectProvider<TrackedSessionRegistry> registry;
    private final long intervalNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SignOutMarksStore(JdbcTemplate jdbc, ObjectProvider<TrackedSessionRegistry> registry, Properties properties) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.intervalNanos = properties.sessionCheckInterval().toNanos();
    }

    @Override
    public Optional<Instant> signedOutBefore(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.readAtNanos() < intervalNanos) {
            return cached.mark();
        }
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        Optional<Instant> mark = jdbc.query("SELECT signed_out_before FROM account WHERE LOWER(email) = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                        : Optional.<Instant>empty(), key);
        cache.put(key, new Cached(mark, now));
        return mark;
    }

    /** A suspended customer's browser sessions end on every instance too (SuspendedSessions ends this instance's). */
    @EventListener
    void on(AccountEvents.Suspended event) {
        signOutAllBefore(event.accountId());
    }

    /**
     * Ends every browser session of the account that began before now, on every instance; the
     * session making the change (if any) counts as begun now and stays. Joins the caller's
     * transaction: the mark and the change commit together.
     */
    void signOutAllBefore(long accountId) {
        // System time, as the sessions' own stamps; whole milliseconds survive every database.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("UPDATE account SET signed_out_before = ? WHERE id = ?", OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                accountId);
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof PanelUser user
                && user.accountId() == accountId) {
            CurrentRequest.sessionId().ifPresent(session -> registry.getObject().signedInAgain(session, now));
        }
    }
}
