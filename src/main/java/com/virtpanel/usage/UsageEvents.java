package com.virtpanel.usage;

import java.time.Instant;
import java.util.List;

/** What the usage module announces; the quota module listens (burst credits, traffic caps). */
public final class UsageEvents {

    private UsageEvents() {
    }

    /**
     * Published after each sampling pass has been stored (after commit, on the instance that
     * ran the pass), with one entry per server whose guest was sampled. Listeners run on the
     * sampling thread, one pass at a time; the entries carry cumulative counters, so a
     * listener that misses a pass can catch up from the next.
     *
     * @param at      when the pass started
     * @param servers the servers sampled in this pass
     */
    public record Sampled(Instant at, List<ServerUsage> servers) {
    }
}
