package com.virtpanel.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prunes each resolution past its retention, but never points the next coarser resolution
 * has not rolled up yet (after a long stop the rollup catches up first).
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final UsageStore store;
    private final UsageProperties properties;
    private final Clock clock;

    Retention(UsageStore store, UsageProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns the number of rows deleted. */
    @Transactional
    int prune() {
        Instant now = clock.instant();
        int deleted = prune(Resolution.RAW, now.minus(properties.rawRetention()), store.rolledUntil(Resolution.FIVE_MINUTES));
        deleted += prune(Resolution.FIVE_MINUTES, now.minus(properties.fiveMinRetention()),
                store.rolledUntil(Resolution.HOURLY));
        Instant hourlyCutoff = now.atZone(ZoneOffset.UTC).minus(properties.hourlyRetention()).toInstant();
        deleted += store.deleteBefore(Resolution.HOURLY, hourlyCutoff);
        if (deleted > 0) {
            log.debug("Pruned {} usage rows", deleted);
        }
        return deleted;
    }

    private int prune(Resolution resolution, Instant cutoff, Optional<Instant> rolledUp) {
        if (rolledUp.isEmpty()) {
            return 0; // never rolled up: keep everything until it is
        }
        Instant safe = cutoff.isBefore(rolledUp.get()) ? cutoff : rolledUp.get();
        return store.deleteBefore(resolution, safe);
    }
}
