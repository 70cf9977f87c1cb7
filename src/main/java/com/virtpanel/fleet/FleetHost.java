package com.virtpanel.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One host of the fleet: its capacity as last reported by its heartbeat and the state staff set. */
@Entity
@Table(name = "hosts")
class FleetHost {

    @Id
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HostState state;
    @Column(name = "memory_mib", nullable = false)
    private long memoryMib;
    @Column(name = "disk_gib", nullable = false)
    private long diskGib;
    @Column(nullable = false)
    private int vcpus;
    @Column(name = "cpu_overcommit", nullable = false)
    private double cpuOvercommit;
    @Column(name = "memory_overcommit", nullable = false)
    private double memoryOvercommit;
    @Column(name = "memory_reserve_mib", nullable = false)
    private long memoryReserveMib;
    @Column(name = "disk_overcommit", nullable = false)
    private double diskOvercommit;
    @Column(name = "dedicated_cores", nullable = false)
    private int dedicatedCores;
    @Column(name = "dedicated_cpuset", nullable = false)
    private String dedicatedCpuset = "";
    @Column(name = "management_address", nullable = false)
    private String managementAddress;
    @Column(name = "last_heartbeat", nullable = false)
    private Instant lastHeartbeat;
    @Column(nullable = false)
    private Instant created;

    protected FleetHost() {
    }

    FleetHost(String name, String managementAddress, Instant now) {
        this.name = name;
        this.state = HostState.ACTIVE;
        this.managementAddress = managementAddress;
        this.lastHeartbeat = now;
        this.created = now;
    }

    /** The heartbeat: what the host has now and the ratios this panel is configured with. */
    void report(HostReport report, Instant now) {
        this.memoryMib = report.memoryMib();
        this.diskGib = report.diskGib();
        this.vcpus = report.vcpus();
        this.cpuOvercommit = report.cpuOvercommit();
        this.memoryOvercommit = report.memoryOvercommit();
        this.memoryReserveMib = report.memoryReserveMib();
        this.diskOvercommit = report.diskOvercommit();
        this.managementAddress = report.managementAddress();
        this.lastHeartbeat = now;
    }

    void changeState(HostState state) {
        this.state = state;
    }

    /** Down when the heartbeat is older than the timeout, whatever staff set: computed, so no job has to notice. */
    HostState shownState(Instant now, Duration timeout) {
        return lastHeartbeat.isBefore(now.minus(timeout)) ? HostState.DOWN : state;
    }

    /** Reserved cores take no shared vCPUs: only the other cores are overcommitted. */
    PlacementPolicy.Candidate candidate() {
        return new PlacementPolicy.Candidate(name, state, lastHeartbeat,
                (long) (memoryMib * memoryOvercommit) - memoryReserveMib,
                (long) (diskGib * diskOvercommit),
                (int) (Math.max(0, vcpus - dedicatedCores) * cpuOvercommit),
                dedicatedCores);
    }

    /** The cores the host reserves for dedicated vCPUs, as its panel is configured (panel.host.dedicated-cores). */
    void reserveCores(com.virtpanel.host.CpuSet cores) {
        this.dedicatedCpuset = cores.toString();
        this.dedicatedCores = cores.size();
    }

    int getDedicatedCores() {
        return dedicatedCores;
    }

    String getDedicatedCpuset() {
        return dedicatedCpuset;
    }

    String getName() {
        return name;
    }

    HostState getState() {
        return state;
    }

    long getMemoryMib() {
        return memoryMib;
    }

    long getDiskGib() {
        return diskGib;
    }

    int getVcpus() {
        return vcpus;
    }

    String getManagementAddress() {
        return managementAddress;
    }

    Instant getLastHeartbeat() {
        return lastHeartbeat;
    }
}
