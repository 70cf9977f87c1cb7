package com.virtpanel.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What operators graph about provisioning, reinstall, delete and guest changes: how long each
 * step takes, how operations end, and how many run or wait for a slot. Prometheus:
 * {@code virtpanel_operation_steps_seconds{operation,step,outcome}},
 * {@code virtpanel_operations_total{operation,outcome}}, {@code virtpanel_operations_running},
 * {@code virtpanel_operations_queued}.
 */
@Component
class OperationMetrics {

    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)};

    private final MeterRegistry registry;

    OperationMetrics(MeterRegistry registry, ServerRepository servers) {
        this.registry = registry;
        Gauge.builder("virtpanel.operations.running", servers, ServerRepository::countAdmittedOperations)
                .description("operations holding a slot on the host").register(registry);
        Gauge.builder("virtpanel.operations.queued", servers, ServerRepository::countQueuedOperations)
                .description("operations waiting for a slot on the host").register(registry);
    }

    void step(Operation operation, Operation.Step step, boolean succeeded, long nanos) {
        Timer.builder("virtpanel.operation.steps")
                .description("operation steps by operation, step and outcome (ok, failed)")
                .tags("operation", name(operation), "step", step.name().toLowerCase(), "outcome", succeeded ? "ok" : "failed")
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void finished(Operation operation, boolean succeeded) {
        Counter.builder("virtpanel.operations")
                .description("operations ended, by operation and outcome (completed, failed)")
                .tags("operation", name(operation), "outcome", succeeded ? "completed" : "failed")
                .register(registry)
                .increment();
    }

    private static String name(Operation operation) {
        return operation.name().toLowerCase();
    }
}
