package com.virtpanel.quota;

import com.virtpanel.host.GuestSample;
import com.virtpanel.host.GuestStats;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads the counters straight from the host, one bulk pass per reconcile. Stands in until the
 * usage module offers its per-pass samples; then the quota module listens to those instead.
 */
@Component
class HostUsageFeed implements UsageFeed {

    private final GuestStats stats;

    HostUsageFeed(GuestStats stats) {
        this.stats = stats;
    }

    @Override
    public Map<String, Counters> countersByDomain() {
        var byDomain = new HashMap<String, Counters>();
        for (GuestSample s : stats.sampleRunning()) {
            byDomain.put(s.domain(), new Counters(s.bootId(), s.at(), s.cpuTimeNs(), s.netRxBytes() + s.netTxBytes()));
        }
        return byDomain;
    }
}
