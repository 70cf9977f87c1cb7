package com.virtpanel.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A server's throttle state: burst credits, this period's traffic, and the counters last seen
 * (written by {@link UsageAccounting}), and the limits last applied (written by
 * {@link ServerCheck}). Updates carry only the changed columns, so the two writers, which
 * may run at the same time, never overwrite each other's columns; no version check, which
 * would make one of them fail for nothing.
 */
@Entity
@Table(name = "quota_state")
@org.hibernate.annotations.DynamicUpdate
class QuotaState {

    @Id
    @Column(name = "server_id")
    private Long serverId;
    private double credits;
    @Column(name = "cpu_throttled")
    private boolean cpuThrottled;
    @Column(name = "cpu_throttled_since")
    private Instant cpuThrottledSince;
    @Column(name = "traffic_period_start", nullable = false)
    private Instant trafficPeriodStart;
    @Column(name = "traffic_bytes")
    private long trafficBytes;
    @Column(name = "traffic_throttled")
    private boolean trafficThrottled;
    @Column(name = "traffic_throttled_since")
    private Instant trafficThrottledSince;
    @Column(name = "last_boot_id")
    private Long lastBootId;
    @Column(name = "last_cpu_time_ns")
    private Long lastCpuTimeNs;
    @Column(name = "last_net_bytes")
    private Long lastNetBytes;
    @Column(name = "last_sample_at")
    private Instant lastSampleAt;
    @Column(name = "last_cpu_percent")
    private Double lastCpuPercent;
    @Column(name = "applied_limits")
    private String appliedLimits;
    @Column(name = "checked_at")
    private Instant checkedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected QuotaState() {
    }

    QuotaState(long serverId, double credits, Instant periodStart, Instant now) {
        this.serverId = serverId;
        this.credits = credits;
        this.trafficPeriodStart = periodStart;
        this.updatedAt = now;
    }

    /**
     * Turns cumulative counters into what happened since the last ones. The first counters,
     * and the first after a restart (new boot id), only set the starting point for CPU; the
     * traffic since a restart is all new, so it counts.
     */
    Optional<Usage> observe(GuestCounters c) {
        Usage usage = null;
        boolean sameBoot = lastBootId != null && lastBootId == c.bootId() && lastSampleAt != null;
        if (sameBoot && c.at().isAfter(lastSampleAt) && c.cpuTimeNs() >= lastCpuTimeNs && c.netBytes() >= lastNetBytes) {
            double seconds = Duration.between(lastSampleAt, c.at()).toNanos() / 1e9;
            double percent = (c.cpuTimeNs() - lastCpuTimeNs) / 1e9 / seconds * 100.0;
            usage = new Usage(percent, seconds, c.netBytes() - lastNetBytes);
        } else if (!sameBoot && lastBootId != null) {
            usage = new Usage(null, 0, c.netBytes());
        }
        if (!sameBoot || c.at().isAfter(lastSampleAt)) {
            lastBootId = c.bootId();
            lastCpuTimeNs = c.cpuTimeNs();
            lastNetBytes = c.netBytes();
            lastSampleAt = c.at();
            lastCpuPercent = usage == null ? null : usage.cpuPercent();
        }
        return Optional.ofNullable(usage);
    }

    /**
     * What a server used between two readings.
     *
     * @param cpuPercent CPU for the whole server (100 = one vCPU busy), null when unknown
     */
    record Usage(Double cpuPercent, double seconds, long trafficBytes) {
    }

    BurstPolicy.Standing standing() {
        return new BurstPolicy.Standing(credits, cpuThrottled);
    }

    /** Takes the new credits; true when the CPU throttle switched. */
    boolean burst(BurstPolicy.Standing next, Instant now) {
        credits = next.credits();
        boolean switched = next.throttled() != cpuThrottled;
        cpuThrottled = next.throttled();
        if (switched) {
            cpuThrottledSince = cpuThrottled ? now : null;
        }
        updatedAt = now;
        return switched;
    }

    /** A plan without burst has no throttle and no credits. */
    boolean clearBurst(Instant now) {
        boolean was = cpuThrottled;
        cpuThrottled = false;
        cpuThrottledSince = null;
        updatedAt = now;
        return was;
    }

    /** Starts a new traffic period if {@code start} is a later one; true when that lifted a throttle. */
    boolean rollOver(Instant start, Instant now) {
        if (!start.isAfter(trafficPeriodStart)) {
            return false;
        }
        trafficPeriodStart = start;
        trafficBytes = 0;
        boolean was = trafficThrottled;
        trafficThrottled = false;
        trafficThrottledSince = null;
        updatedAt = now;
        return was;
    }

    /** Counts traffic; true when it just went over the allowance (and the throttle switched on). */
    boolean addTraffic(long bytes, long allowanceBytes, Instant now) {
        trafficBytes += Math.max(0, bytes);
        updatedAt = now;
        if (!trafficThrottled && trafficBytes >= allowanceBytes) {
            trafficThrottled = true;
            trafficThrottledSince = now;
            return true;
        }
        return false;
    }

    /** Lifts a traffic throttle the allowance no longer justifies (the plan's allowance grew). */
    boolean liftTrafficIfUnder(long allowanceBytes, Instant now) {
        if (trafficThrottled && trafficBytes < allowanceBytes) {
            trafficThrottled = false;
            trafficThrottledSince = null;
            updatedAt = now;
            return true;
        }
        return false;
    }

    void checked(String applied, Instant now) {
        appliedLimits = applied;
        checkedAt = now;
    }

    long getServerId() {
        return serverId;
    }

    double getCredits() {
        return credits;
    }

    boolean isCpuThrottled() {
        return cpuThrottled;
    }

    Instant getCpuThrottledSince() {
        return cpuThrottledSince;
    }

    Instant getTrafficPeriodStart() {
        return trafficPeriodStart;
    }

    long getTrafficBytes() {
        return trafficBytes;
    }

    boolean isTrafficThrottled() {
        return trafficThrottled;
    }

    Instant getTrafficThrottledSince() {
        return trafficThrottledSince;
    }

    Double getLastCpuPercent() {
        return lastCpuPercent;
    }

    String getAppliedLimits() {
        return appliedLimits;
    }

    Instant getCheckedAt() {
        return checkedAt;
    }
}
