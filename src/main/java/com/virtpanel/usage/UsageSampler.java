package com.virtpanel.usage;

import com.virtpanel.base.SkipsCallerCheck;
import com.virtpanel.host.GuestSample;
import com.virtpanel.host.GuestStats;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sampling pass: read every running guest's counters in one call to the host, turn them
 * into rates against the previous counters stored in the database, and store rates and
 * counters in one transaction with batched statements. Announces the pass afterwards: this is
 * the panel's only reader of the guests' counters (quota books traffic and burst credits from
 * the announcement).
 */
@SkipsCallerCheck
@Component
public class UsageSampler {

    private static final Logger log = LoggerFactory.getLogger(UsageSampler.class);

    private final GuestStats stats;
    private final ServerDirectory directory;
    private final UsageStore store;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final UsageProperties properties;
    private final GuestMetrics metrics;
    private final Clock clock;
    /** Quartz keeps passes apart across the cluster; this keeps a manual pass apart from the job. */
    private final ReentrantLock lock = new ReentrantLock();

    UsageSampler(GuestStats stats, ServerDirectory directory, UsageStore store, TransactionTemplate tx,
            ApplicationEventPublisher events, UsageProperties properties, GuestMetrics metrics, Clock clock) {
        this.stats = stats;
        this.directory = directory;
        this.store = store;
        this.tx = tx;
        this.events = events;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Runs one pass now (the job calls this every panel.usage.interval). The pass is announced
     * after its commit but inside the lock: listeners that book it (quota) then never see two
     * passes at once; the report's timings stop before them.
     */
    public PassReport sampleNow() {
        lock.lock();
        try {
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            List<GuestSample> samples = stats.sampleRunning();
            long t1 = System.nanoTime();
            Map<String, ServerRef> byDomain = directory.live().stream()
                    .collect(Collectors.toMap(ServerRef::domain, Function.identity(), (a, b) -> a));
            List<ServerUsage> usage = tx.execute(status -> record(samples, byDomain));
            long t2 = System.nanoTime();
            metrics.record(samples, byDomain, t2 - t0);
            int stored = (int) usage.stream().filter(u -> !u.gap()).count();
            var report = new PassReport(samples.size(), usage.size(), stored, t1 - t0, t2 - t1);
            log.debug("Usage pass: {}", report);
            if (!usage.isEmpty()) {
                events.publishEvent(new UsageEvents.Sampled(started, usage));
            }
            return report;
        } finally {
            lock.unlock();
        }
    }

    /** A sampled server and what its counters said. */
    private record Outcome(ServerRef server, Counters current, RateCalculator.Step step) {
    }

    private List<ServerUsage> record(List<GuestSample> samples, Map<String, ServerRef> byDomain) {
        Map<Long, Counters> previous = store.counters();
        var outcomes = new ArrayList<Outcome>(samples.size());
        var points = new ArrayList<StoredPoint>(samples.size());
        for (GuestSample sample : samples) {
            ServerRef server = byDomain.get(sample.domain());
            if (server == null) {
                continue; // a guest the panel does not manage
            }
            Counters current = Counters.of(server.id(), sample);
            RateCalculator.Step step = RateCalculator.step(previous.get(server.id()), current, properties.maxGap());
            if (step.skip()) {
                continue;
            }
            outcomes.add(new Outcome(server, current, step));
            if (!step.gap()) {
                double[] values = step.rates().toArray();
                points.add(new StoredPoint(server.id(), current.at(), step.seconds(), values, values));
            }
        }
        store.insertRaw(points);
        store.saveCounters(outcomes.stream().map(Outcome::current).toList(), previous.keySet());
        return outcomes.stream().map(UsageSampler::usage).toList();
    }

    private static ServerUsage usage(Outcome o) {
        Counters c = o.current();
        return new ServerUsage(o.server().id(), o.server().accountId(), c.at(), o.step().seconds(), o.step().rates(),
                o.step().rxBytes(), o.step().txBytes(), c.bootId(), c.cpuTimeNs(), c.netRxBytes() + c.netTxBytes());
    }
}
