package com.virtpanel.quota;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.ServerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Books what a server used against its burst credits and traffic allowance, and switches its
 * throttles. Only this class writes those columns of {@link QuotaState}; the reconciler only
 * writes what it applied, so both can run at the same time without losing updates.
 */
@Component
class UsageAccounting {

    /** Customers are told when this share of the traffic allowance is used (and again at 100 %, when throttled). */
    static final int NEARLY_USED_PERCENT = 80;

    private final QuotaStates states;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;
    private final QuotaProperties config;
    private final Accounting accounting;
    private final Clock clock;

    UsageAccounting(QuotaStates states, CatalogService catalog, ApplicationEventPublisher events, QuotaProperties config,
            Clock clock) {
        this.states = states;
        this.catalog = catalog;
        this.events = events;
        this.config = config;
        this.accounting = new Accounting(config);
        this.clock = clock;
    }

    /**
     * Cumulative counters (as the usage module read them): turned into usage against the last
     * ones. Runs in the caller's transaction; returns why the throttles switched (empty: they did not).
     * A server without a quota state yet is skipped: the counters are cumulative, so nothing is
     * lost that the first reading after its state exists does not find.
     */
    EnumSet<Reason> counters(ServerRef server, GuestCounters counters) {
        QuotaState state = states.find(server.id()).orElse(null);
        if (state == null) {
            return EnumSet.noneOf(Reason.class);
        }
        PlanInfo plan = catalog.plan(server.planId());
        return account(server, plan, state, state.observe(counters));
    }

    private EnumSet<Reason> account(ServerRef server, PlanInfo plan, QuotaState state, Optional<QuotaState.Usage> usage) {
        Instant now = clock.instant();
        boolean cpuWas = state.isCpuThrottled();
        boolean trafficWas = state.isTrafficThrottled();
        Instant periodWas = state.getTrafficPeriodStart();
        long trafficWasBytes = state.getTrafficBytes();
        EnumSet<Reason> switched = accounting.account(state, plan, usage, now);
        // The ledger only grows within a period, so the line is crossed at most once per period.
        long warnAt = plan.trafficBytes() / 100 * NEARLY_USED_PERCENT;
        boolean wasUnder = !state.getTrafficPeriodStart().equals(periodWas) || trafficWasBytes < warnAt;
        // A pass that goes straight past 100 % says so through TrafficThrottled alone.
        if (plan.trafficBytes() > 0 && wasUnder && state.getTrafficBytes() >= warnAt && !state.isTrafficThrottled()) {
            var period = TrafficPeriod.containing(now, config.traffic());
            events.publishEvent(new QuotaEvents.TrafficAllowanceNearlyUsed(server.id(), server.accountId(), NEARLY_USED_PERCENT,
                    state.getTrafficBytes(), plan.trafficBytes(), period.start(), period.end()));
        }
        if (!cpuWas && state.isCpuThrottled()) {
            events.publishEvent(new QuotaEvents.CpuThrottled(server.id(), server.accountId(), plan.burstBaselinePercent()));
        } else if (cpuWas && !state.isCpuThrottled()) {
            events.publishEvent(new QuotaEvents.CpuRestored(server.id(), server.accountId(), plan.cpuCapPercent()));
        }
        if (!trafficWas && state.isTrafficThrottled()) {
            var until = TrafficPeriod.containing(now, config.traffic()).end();
            events.publishEvent(new QuotaEvents.TrafficThrottled(server.id(), server.accountId(), plan.throttledNetMbps(), until));
        } else if (trafficWas && !state.isTrafficThrottled()) {
            events.publishEvent(new QuotaEvents.TrafficRestored(server.id(), server.accountId(), plan.netMbps()));
        }
        return switched;
    }
}
