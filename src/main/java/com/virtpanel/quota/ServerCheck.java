package com.virtpanel.quota;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.GuestPinning;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import com.virtpanel.server.ServerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One server, once: work out the limits it should run under (plan and throttles), read what
 * the host enforces, and write the limits only where they differ. Cheap when nothing
 * changed: one read of the live limits and one small row update.
 */
@Component
class ServerCheck {

    private static final Logger log = LoggerFactory.getLogger(ServerCheck.class);

    private final QuotaStates states;
    private final EnforcementRepository enforcementLog;
    private final CatalogService catalog;
    private final LimitEnforcer enforcer;
    private final ApplicationEventPublisher events;
    private final QuotaMetrics metrics;
    private final Clock clock;

    ServerCheck(QuotaStates states, EnforcementRepository enforcementLog, CatalogService catalog, LimitEnforcer enforcer,
            ApplicationEventPublisher events, QuotaMetrics metrics, Clock clock) {
        this.states = states;
        this.enforcementLog = enforcementLog;
        this.catalog = catalog;
        this.enforcer = enforcer;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs inside the caller's transaction. A server without a quota state yet is checked once it has one. */
    void check(ServerRef server) {
        QuotaState state = states.find(server.id()).orElse(null);
        if (state == null) {
            log.debug("Limits of {} not checked: its quota state is not recorded yet", server.domain());
            return;
        }
        Instant now = clock.instant();
        PlanInfo plan = catalog.plan(server.planId());
        LimitSpec want = DesiredLimits.of(plan, state.isCpuThrottled(), state.isTrafficThrottled());
        LiveLimits live = enforcer.read(server.domain());
        List<Repair.Write> writes = Repair.plan(want, live, AppliedLimits.parse(state.getAppliedLimits()), plan,
                state.isCpuThrottled(), state.isTrafficThrottled());
        if (!writes.isEmpty()) {
            enforcer.apply(server.domain(), want);
            record(server, writes, now);
        }
        repairPinning(server, plan, now);
        state.checked(AppliedLimits.format(want), now);
        metrics.checked();
    }

    /**
     * The CPU pinning: a dedicated server's vCPUs on the cores it holds, everything else on the
     * shared cores. The panel never changes a running guest's pins, so any difference is drift.
     */
    private void repairPinning(ServerRef server, PlanInfo plan, Instant now) {
        for (GuestPinning.Repair r : enforcer.repairPinning(server.domain(), server.id(), plan.dedicated())) {
            enforcementLog.save(new EnforcementRecord(server.id(), server.domain(), now, Reason.DRIFT, r.what(), r.before(), r.after()));
            metrics.wrote(Drift.Limit.CPU_PINNING, Reason.DRIFT);
            events.publishEvent(new QuotaEvents.LimitRepaired(server.id(), server.accountId(), server.domain(), r.what(), r.before(),
                    r.after()));
            log.info("Limits of {}: {} {} -> {} ({})", server.domain(), r.what(), r.before(), r.after(), Reason.DRIFT.label());
        }
    }

    private void record(ServerRef server, List<Repair.Write> writes, Instant now) {
        for (Repair.Write w : writes) {
            Drift.Difference d = w.difference();
            String before = d.before() == null ? null : String.valueOf(d.before());
            String after = String.valueOf(d.after());
            enforcementLog.save(new EnforcementRecord(server.id(), server.domain(), now, w.reason(), d.what(), before, after));
            metrics.wrote(d.limit(), w.reason());
            if (w.reason() == Reason.DRIFT) {
                events.publishEvent(new QuotaEvents.LimitRepaired(server.id(), server.accountId(), server.domain(), d.what(), before, after));
            }
            log.info("Limits of {}: {} {} -> {} ({})", server.domain(), d.what(), before, after, w.reason().label());
        }
    }
}
