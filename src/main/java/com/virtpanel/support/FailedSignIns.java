package com.virtpanel.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds failed sign-ins into windows, one per attempted email: the first failure of a window is
 * audited at once (an attack shows in the log as it starts), the rest are counted and audited as
 * one summary row when the window closes. A password-guessing run thus writes two rows per
 * account and quarter hour, not one per guess. Per panel instance, in memory: a restart loses
 * the counts of open windows (their first rows are written).
 */
final class FailedSignIns {

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_ADDRESSES = 5;
    private static final int MAX_WINDOWS = 10_000;

    /** The failures of one email in one window after its first. */
    record Summary(String email, Long accountId, Instant start, Instant end, int more, List<String> addresses) {
        String detail() {
            return more + " more failed sign-in" + (more == 1 ? "" : "s") + " within " + WINDOW.toMinutes()
                    + " min of the first" + (addresses.isEmpty() ? "" : ", from " + String.join(", ", addresses));
        }
    }

    private final Clock clock;
    private final Map<String, Window> open = new ConcurrentHashMap<>();

    FailedSignIns(Clock clock) {
        this.clock = clock;
    }

    /** Counts a failure; true when it opens a window (so it should be audited now). */
    synchronized boolean count(String email, Long accountId, String address) {
        String key = email.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Window w = open.get(key);
        if (w != null && !w.closedAt(now)) {
            w.more++;
            if (address != null && w.addresses.size() < MAX_ADDRESSES) {
                w.addresses.add(address);
            }
            return false;
        }
        if (open.size() >= MAX_WINDOWS) {
            return true; // under a spray of distinct emails, audit each rather than grow without bound
        }
        open.put(key, new Window(email, accountId, now, address));
        return true;
    }

    /** Removes the windows that have closed and returns those with failures to summarise. */
    synchronized List<Summary> closed() {
        Instant now = clock.instant();
        List<Summary> done = new ArrayList<>();
        open.values().removeIf(w -> {
            if (!w.closedAt(now)) {
                return false;
            }
            if (w.more > 0) {
                done.add(new Summary(w.email, w.accountId, w.start, w.start.plus(WINDOW), w.more, List.copyOf(w.addresses)));
            }
            return true;
        });
        return done;
    }

    private static final class Window {
        final String email;
        final Long accountId;
        final Instant start;
        final Set<String> addresses = new LinkedHashSet<>();
        int more;

        Window(String email, Long accountId, Instant start, String address) {
            this.email = email;
            this.accountId = accountId;
            this.start = start;
            if (address != null) {
                addresses.add(address);
            }
        }

        boolean closedAt(Instant now) {
            return !now.isBefore(start.plus(WINDOW));
        }
    }
}
