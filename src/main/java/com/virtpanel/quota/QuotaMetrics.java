package com.virtpanel.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The reconciler's work and the throttles in force, for operators. A write with reason
 * "drift" is a repair: the host enforced something other than what the panel had set.
 * Prometheus: {@code virtpanel_reconciler_checks_total}, {@code virtpanel_reconciler_writes_total{limit,reason}},
 * {@code virtpanel_servers_throttled{kind}}.
 */
@Component
class QuotaMetrics {

    private final MeterRegistry registry;
    private final Counter checks;

    QuotaMetrics(MeterRegistry registry, QuotaStateRepository states) {
        this.registry = registry;
        this.checks = Counter.builder("virtpanel.reconciler.checks").description("servers whose limits the reconciler checked")
                .register(registry);
        Gauge.builder("virtpanel.servers.throttled", states, QuotaStateRepository::countByCpuThrottledTrue)
                .description("servers limited by a throttle, by kind").tag("kind", "cpu").register(registry);
        Gauge.builder("virtpanel.servers.throttled", states, QuotaStateRepository::countByTrafficThrottledTrue)
                .description("servers limited by a throttle, by kind").tag("kind", "traffic").register(registry);
    }

    void checked() {
        checks.increment();
    }

    void wrote(Drift.Limit limit, Reason reason) {
        Counter.builder("virtpanel.reconciler.writes")
                .description("limits the reconciler wrote, by limit and reason (drift = a repair)")
                .tags("limit", limit.name().toLowerCase(), "reason", reason.name().toLowerCase())
                .register(registry)
                .increment();
    }
}
