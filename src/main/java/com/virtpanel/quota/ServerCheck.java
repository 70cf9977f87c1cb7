package com.virtpanel.quota;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import com.virtpanel.server.ServerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One server, once: account its usage, work out the limits it should run under, read what
 * the host enforces, and write the limits only where they differ. Cheap when nothing
 * changed: one read of the live limits and one row update.
 */
@Component
class ServerCheck {

    private static final Logger log = LoggerFactory.getLogger(ServerCheck.class);

    private final QuotaStateRepository states;
    private final EnforcementRepository enforcementLog;
    private final CatalogService catalog;
    private final LimitEnforcer enforcer;
    private final ApplicationEventPublisher events;
    private final QuotaProperties config;
    private final Accounting accounting;
    private final Clock clock;

    ServerCheck(QuotaStateRepository states, EnforcementRepository enforcementLog, CatalogService catalog,
            LimitEnforcer enforcer, ApplicationEventPublisher events, QuotaProperties config, Clock clock) {
        this.states = states;
        this.enforcementLog = enforcementLog;
        this.catalog = catalog;
        this.enforcer = enforcer;
        this.events = events;
        this.config = config;
        this.accounting = new Accounting(config);
        this.clock = clock;
    }

    /** Runs inside the caller's transaction; {@code counters} may be null (no reading this pass). */
    void check(ServerRef server, UsageFeed.Counters counters) {
        Instant now = clock.instant();
        PlanInfo plan = catalog.plan(server.planId());
        QuotaState state = states.findById(server.id()).orElseGet(() -> states.save(accounting.fresh(server.id(), plan, now)));
        boolean cpuWas = state.isCpuThrottled();
        boolean trafficWas = state.isTrafficThrottled();

        Optional<QuotaState.Usage> usage = counters == null ? Optional.empty() : state.observe(counters);
        EnumSet<Reason> switched = accounting.account(state, plan, usage, now);

        LimitSpec want = DesiredLimits.of(plan, state.isCpuThrottled(), state.isTrafficThrottled());
        LiveLimits live = enforcer.read(server.domain());
        List<Repair.Write> writes = Repair.plan(want, live, AppliedLimits.parse(state.getAppliedLimits()), switched);
        if (!writes.isEmpty()) {
            enforcer.apply(server.domain(), want);
            record(server, writes, now);
        }
        state.checked(AppliedLimits.format(want), now);
        announce(server, plan, state, cpuWas, trafficWas);
    }

    private void record(ServerRef server, List<Repair.Write> writes, Instant now) {
        for (Repair.Write w : writes) {
            Drift.Difference d = w.difference();
            String before = d.before() == null ? null : String.valueOf(d.before());
            String after = String.valueOf(d.after());
            enforcementLog.save(new EnforcementRecord(server.id(), server.domain(), now, w.reason(), d.what(), before, after));
            if (w.reason() == Reason.DRIFT) {
                events.publishEvent(new QuotaEvents.LimitRepaired(server.id(), server.accountId(), server.domain(), d.what(), before, after));
            }
            log.info("Limits of {}: {} {} -> {} ({})", server.domain(), d.what(), before, after, w.reason().label());
        }
    }

    private void announce(ServerRef server, PlanInfo plan, QuotaState state, boolean cpuWas, boolean trafficWas) {
        if (!cpuWas && state.isCpuThrottled()) {
            events.publishEvent(new QuotaEvents.CpuThrottled(server.id(), server.accountId(), plan.burstBaselinePercent()));
        } else if (cpuWas && !state.isCpuThrottled()) {
            events.publishEvent(new QuotaEvents.CpuRestored(server.id(), server.accountId(), plan.cpuCapPercent()));
        }
        if (!trafficWas && state.isTrafficThrottled()) {
            var until = TrafficPeriod.containing(clock.instant(), config.traffic()).end();
            events.publishEvent(new QuotaEvents.TrafficThrottled(server.id(), server.accountId(), plan.throttledNetMbps(), until));
        } else if (trafficWas && !state.isTrafficThrottled()) {
            events.publishEvent(new QuotaEvents.TrafficRestored(server.id(), server.accountId(), plan.netMbps()));
        }
    }
}
