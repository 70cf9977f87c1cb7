package com.virtpanel.server;

import com.virtpanel.base.Bytes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How full the host is, for operators: what plans promise against what the host has and may
 * promise (overcommit applied). Read at most every 15 s however often Prometheus scrapes, and
 * the last reading is kept while the host does not answer, so a scrape never waits on libvirtd
 * for long. Prometheus: {@code virtpanel_host_memory_*_bytes}, {@code virtpanel_host_disk_*_bytes},
 * {@code virtpanel_host_vcpus*}, {@code virtpanel_host_guests_running}.
 */
@Component
class CapacityMetrics {

    private static final Logger log = LoggerFactory.getLogger(CapacityMetrics.class);
    private static final Duration FRESH = Duration.ofSeconds(15);
    private static final double MIB = Bytes.MIB;

    private final Capacity capacity;
    private final Clock clock;
    private Capacity.Use last;
    private Instant readAt = Instant.MIN;

    CapacityMetrics(Capacity capacity, MeterRegistry registry, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
        gauge(registry, "virtpanel.host.memory.total.bytes", "the host's RAM", u -> u.host().totalMemoryMib() * MIB);
        gauge(registry, "virtpanel.host.memory.free.bytes", "the host's free RAM", u -> u.host().freeMemoryMib() * MIB);
        gauge(registry, "virtpanel.host.memory.promised.bytes", "RAM the plans of live servers promise",
                u -> u.promisedMemoryMib() * MIB);
        gauge(registry, "virtpanel.host.memory.limit.bytes", "RAM the host may promise (overcommit and reserve applied)",
                u -> u.memoryLimitMib() * MIB);
        gauge(registry, "virtpanel.host.disk.total.bytes", "the storage pool's size", u -> u.host().storage().capacityBytes());
        gauge(registry, "virtpanel.host.disk.available.bytes", "free space in the storage pool",
                u -> u.host().storage().availableBytes());
        gauge(registry, "virtpanel.host.disk.promised.bytes", "disk the plans of live servers promise", u -> u.promisedDiskGib() * (double) Bytes.GIB);
        gauge(registry, "virtpanel.host.disk.limit.bytes", "disk the host may promise (overcommit applied)", u -> u.diskLimitGib() * (double) Bytes.GIB);
        gauge(registry, "virtpanel.host.vcpus", "the host's CPUs", u -> u.host().cpus());
        gauge(registry, "virtpanel.host.vcpus.promised", "vCPUs the plans of live servers promise", u -> u.promisedVcpus());
        gauge(registry, "virtpanel.host.guests.running", "guests running on the host", u -> u.host().runningGuests());
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Capacity.Use> value) {
        Gauge.builder(name, this, m -> {
            Capacity.Use use = m.current();
            return use == null ? Double.NaN : value.applyAsDouble(use);
        }).description(description).register(registry);
    }

    private synchronized Capacity.Use current() {
        Instant now = clock.instant();
        if (last == null || readAt.plus(FRESH).isBefore(now)) {
            readAt = now; // also after a failure: an unreachable host is asked again in 15 s, not at every gauge
            try {
                last = capacity.use();
            } catch (RuntimeException e) {
                log.debug("Host capacity not read for metrics: {}", e.getMessage());
            }
        }
        return last;
    }
}
