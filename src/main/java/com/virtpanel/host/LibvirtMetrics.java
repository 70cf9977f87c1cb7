package com.virtpanel.host;

import com.virtpanel.base.PanelException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Latency and outcome of every libvirt call, by call ("define server", "sample usage", …), so
 * that an operator sees a slow or failing libvirtd before customers report it.
 * Prometheus: {@code virtpanel_libvirt_calls_seconds_{count,sum,bucket}{call,outcome}}.
 */
final class LibvirtMetrics {

    /** Buckets around the call timeout (15 s by default): fast reads, slow writes, hung daemons. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(250),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15)};

    private final MeterRegistry registry;

    LibvirtMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String call, Throwable failure, long nanos) {
        Timer.builder("virtpanel.libvirt.calls")
                .description("libvirt calls by call and outcome (ok, error, unreachable)")
                .tags("call", call, "outcome", outcome(failure))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        return failure instanceof PanelException e && e.kind() == PanelException.Kind.UNAVAILABLE ? "unreachable" : "error";
    }
}
