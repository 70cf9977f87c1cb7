package com.virtpanel.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
    /** Where this host's panel instances take consoles forwarded by other instances (null: none said yet). */
    @Column(name = "console_url")
    private String consoleUrl;
    /** How other hosts' libvirtds reach this one's for a live migration (null: servers cannot be moved here). */
    @Column(name = "migration_uri")
    private String migrationUri;
    /** This host's panel.storage.dir and network: where a migrated guest's files go, and what it joins. */
    @Column(name = "storage_dir")
    private String storageDir;
    @Column(name = "network_name")
    private String networkName;
    @Column(name = "last_heartbeat", nullable = false)
    private Instant lastHeartbeat;
    @Column(nullable = false)
    private Instant created;
    /** What the last heartbeat said about the host's libvirtd (see {@link DownRule}). */
    @Column(name = "libvirt_reachable", nullable = false)
    private boolean libvirtReachable = true;
    @Column(name = "libvirt_problem")
    private String libvirtProblem;
    @Column(name = "libvirt_lost_at")
    private Instant libvirtLostAt;
    /** When the watch noted (and audited) the host down; null while it was last seen up. */
    @Column(name = "down_noted_at")
    private Instant downNotedAt;

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
        this.libvirtReachable = true;
        this.libvirtProblem = null;
        this.libvirtLostAt = null;
    }

    /** A heartbeat from a panel that cannot reach its libvirtd: alive, but its host is down; the capacity stays as last read. */
    void reportLibvirtLost(String problem, Instant now) {
        if (libvirtReachable) {
            this.libvirtLostAt = now;
        }
        this.libvirtReachable = false;
        this.libvirtProblem = problem == null || problem.length() <= 500 ? problem : problem.substring(0, 500);
        this.lastHeartbeat = now;
    }

    /** A heartbeat whose capacity read failed for another reason than a lost libvirtd: the host is alive and keeps its figures. */
    void reportAlive(Instant now) {
        this.lastHeartbeat = now;
    }

    /** Whether the host is down now, and why: {@link DownRule}. */
    java.util.Optional<HostDown> down(Instant now, FleetProperties fleet) {
        return DownRule.check(lastHeartbeat, libvirtReachable, libvirtLostAt, libvirtProblem, now, fleet.heartbeatTimeout(),
                fleet.libvirtLostAfter());
    }

    /** Records that the host was seen down (or up again); false when that was already noted, so nobody audits it twice. */
    boolean noteDown(boolean down, Instant now) {
        if (down == (downNotedAt != null)) {
            return false;
        }
        downNotedAt = down ? now : null;
        return true;
    }

    boolean isDownNoted() {
        return downNotedAt != null;
    }

    boolean isLibvirtReachable() {
        return libvirtReachable;
    }

    void changeState(HostState state) {
        this.state = state;
    }

    /** Down by {@link DownRule} whatever staff set (their choice shows again when the host is back); computed, so no job has to notice. */
    HostState shownState(Instant now, FleetProperties fleet) {
        return down(now, fleet).isPresent() ? HostState.DOWN : state;
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

    void consoleAt(String url) {
        this.consoleUrl = url;
    }

    /** What other hosts need to move a running guest here; a null {@code migrationUri}: they cannot. */
    void takesMigrations(String migrationUri, String storageDir, String networkName) {
        this.migrationUri = migrationUri;
        this.storageDir = storageDir;
        this.networkName = networkName;
    }

    String getMigrationUri() {
        return migrationUri;
    }

    String getStorageDir() {
        return storageDir;
    }

    String getNetworkName() {
        return networkName;
    }

    String getConsoleUrl() {
        return consoleUrl;
    }

    String getManagementAddress() {
        return managementAddress;
    }

    Instant getLastHeartbeat() {
        return lastHeartbeat;
    }
}
