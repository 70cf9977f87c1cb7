package com.virtpanel.quota;

import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import com.virtpanel.usage.ServerUsage;
import com.virtpanel.usage.UsageEvents;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books every sampling pass of the usage module (the panel's only reader of guest counters)
 * against burst credits and the traffic allowance.
 * <p>
 * Synchronous, in-process, on the thread that ran the pass, after the pass has committed: the
 * samples are stored before this runs, so it cannot delay or lose them, and it costs one small
 * row update per server (milliseconds, against a pass every few seconds). Passes never overlap
 * (the sampler's lock, and one job at a time across the cluster), so this is the only writer of
 * the accounting columns. Nothing is lost when a pass is missed or fails here (a restart of the
 * panel, a database hiccup): the counters are cumulative, the next pass books the difference.
 * Each server in its own transaction, so one failure does not hold up the others. When a
 * throttle switches, the reconciler runs at once to write the new limits.
 */
@Component
class SampledUsage {

    private static final Logger log = LoggerFactory.getLogger(SampledUsage.class);

    private final ServerDirectory directory;
    private final UsageAccounting accounting;
    private final ReconcileTrigger reconcile;
    private final TransactionTemplate tx;

    SampledUsage(ServerDirectory directory, UsageAccounting accounting, ReconcileTrigger reconcile,
            PlatformTransactionManager transactions) {
        this.directory = directory;
        this.accounting = accounting;
        this.reconcile = reconcile;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(UsageEvents.Sampled pass) {
        Map<Long, ServerRef> running = directory.running().stream()
                .collect(Collectors.toMap(ServerRef::id, Function.identity(), (a, b) -> a));
        boolean switched = false;
        int failed = 0;
        for (ServerUsage u : pass.servers()) {
            ServerRef server = running.get(u.serverId());
            if (server == null) {
                continue; // stopped or deleted since its counters were read
            }
            var counters = new GuestCounters(u.bootId(), u.at(), u.cpuTimeNs(), u.netBytes());
            try {
                switched |= book(server, counters);
            } catch (RuntimeException e) {
                if (failed++ == 0) {
                    log.warn("Could not book the usage of {} (the next pass books it): {}", server.domain(), e.toString());
                }
            }
        }
        if (switched) {
            reconcile.now("a throttle switched");
        }
    }

    /** True when a throttle switched. */
    private boolean book(ServerRef server, GuestCounters counters) {
        return Boolean.TRUE.equals(tx.execute(t -> !accounting.counters(server, counters).isEmpty()));
    }
}
