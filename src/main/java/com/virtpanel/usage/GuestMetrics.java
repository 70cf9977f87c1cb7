package com.virtpanel.usage;

import com.virtpanel.host.GuestSample;
import com.virtpanel.server.ServerRef;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Every running guest's counters in the names operators already graph from libvirt's own
 * Prometheus exporter ({@code libvirt_domain_info_cpu_time_seconds_total},
 * {@code libvirt_domain_block_stats_*}, {@code libvirt_domain_interface_stats_*}), labelled with
 * the domain, the server id and the customer's account id. They come from the sampling pass the
 * panel runs anyway, so a scrape costs libvirt nothing. A guest that stops drops out, as with
 * the exporter; its counters restart at zero with its next boot, which Prometheus' rate() handles.
 * Also the pass's own duration: {@code virtpanel_usage_sampling_seconds}.
 */
@Component
class GuestMetrics {

    private record Family(String name, String description, ToLongFunction<GuestSample> value, double scale) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("libvirt.domain.info.cpu.time.seconds", "CPU time used by the guest", GuestSample::cpuTimeNs, 1e-9),
            new Family("libvirt.domain.block.stats.read.bytes", "bytes read from the guest's disks", GuestSample::diskReadBytes, 1),
            new Family("libvirt.domain.block.stats.write.bytes", "bytes written to the guest's disks", GuestSample::diskWriteBytes, 1),
            new Family("libvirt.domain.block.stats.read.requests", "read requests of the guest's disks", GuestSample::diskReadOps, 1),
            new Family("libvirt.domain.block.stats.write.requests", "write requests of the guest's disks", GuestSample::diskWriteOps, 1),
            new Family("libvirt.domain.interface.stats.receive.bytes", "bytes the guest received", GuestSample::netRxBytes, 1),
            new Family("libvirt.domain.interface.stats.transmit.bytes", "bytes the guest sent", GuestSample::netTxBytes, 1));

    /** One guest's latest counters; the meters read them when Prometheus scrapes. */
    private static final class Latest {
        volatile GuestSample sample;
        final List<Meter> meters = new ArrayList<>();
    }

    private final MeterRegistry registry;
    private final Timer passes;
    private final Map<Long, Latest> guests = new HashMap<>();

    GuestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.passes = Timer.builder("virtpanel.usage.sampling").description("usage sampling passes: host call and storing")
                .register(registry);
    }

    /** Called by the sampler after each pass, never at the same time as itself (the sampler holds its lock). */
    void record(List<GuestSample> samples, Map<String, ServerRef> byDomain, long passNanos) {
        passes.record(passNanos, TimeUnit.NANOSECONDS);
        Map<Long, Latest> seen = new HashMap<>();
        for (GuestSample sample : samples) {
            ServerRef server = byDomain.get(sample.domain());
            if (server == null) {
                continue;
            }
            Latest latest = guests.computeIfAbsent(server.id(), id -> register(server));
            latest.sample = sample;
            seen.put(server.id(), latest);
        }
        guests.forEach((id, gone) -> {
            if (!seen.containsKey(id)) {
                gone.meters.forEach(registry::remove);
            }
        });
        guests.keySet().retainAll(seen.keySet());
    }

    private Latest register(ServerRef server) {
        Latest latest = new Latest();
        Tags tags = Tags.of("domain", server.domain(), "server", Long.toString(server.id()),
                "customer", Long.toString(server.accountId()));
        for (Family family : FAMILIES) {
            latest.meters.add(FunctionCounter.builder(family.name(), latest,
                            l -> l.sample == null ? 0 : family.value().applyAsLong(l.sample) * family.scale())
                    .description(family.description()).tags(tags).register(registry));
        }
        return latest;
    }
}
