package com.virtpanel.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage for the panel's own jobs (burst credits, traffic caps), without authorisation, like
 * {@code ServerDirectory}. Not for views or controllers: they use {@link UsageService}.
 */
@Service
@Transactional(readOnly = true)
public class UsageRecords {

    private final SeriesReader reader;
    private final UsageStore store;
    private final Clock clock;

    UsageRecords(SeriesReader reader, UsageStore store, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.clock = clock;
    }

    /** CPU usage of the last {@code window}: raw samples up to a day back, buckets beyond. */
    public List<MetricPoint> recentCpu(long serverId, Duration window) {
        Instant now = clock.instant();
        return reader.read(serverId, SeriesReader.cpuOnly(), now.minus(window), now).series(Measure.CPU).points();
    }

    /** Bytes received and sent in the month {@code at} falls in; the allowance is not known here (0). */
    public TrafficMonth traffic(long serverId, Instant at) {
        return TrafficMonth.of(serverId, at, store.traffic(serverId, TrafficMonth.key(at)), 0);
    }
}
