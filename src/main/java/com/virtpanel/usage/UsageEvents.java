package com.virtpanel.usage;

import java.time.Instant;
import java.util.List;

/** What the usage module announces; the quota module listens (burst credits, traffic caps). */
public final class UsageEvents {

    private UsageEvents() {
    }

    /**
     * Published after each sampling pass has been stored (after commit, on the instance that
     * ran the pass), with one entry per server whose guest was sampled.
     *
     * @param at      when the pass started
     * @param servers the servers sampled in this pass
     */
    public record Sampled(Instant at, List<ServerUsage> servers) {
    }
}
