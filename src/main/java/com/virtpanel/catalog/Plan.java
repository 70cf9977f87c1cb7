package com.virtpanel.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private String title;
    private int vcpus;
    @Column(name = "memory_mib")
    private int memoryMib;
    @Column(name = "disk_gib")
    private int diskGib;
    @Column(name = "cpu_cap_percent")
    private int cpuCapPercent;
    @Column(name = "cpu_shares")
    private int cpuShares;
    @Column(name = "disk_iops")
    private int diskIops;
    @Column(name = "disk_mbps")
    private int diskMbps;
    @Column(name = "blkio_weight")
    private int blkioWeight;
    @Column(name = "net_mbps")
    private int netMbps;
    @Column(name = "traffic_gib")
    private int trafficGib;
    @Column(name = "throttled_net_mbps")
    private int throttledNetMbps;
    @Column(name = "burst_baseline_percent")
    private Integer burstBaselinePercent;
    @Column(name = "price_cents")
    private int priceCents;
    private String currency;
    private boolean active;
    @Column(name = "backup_slots")
    private int backupSlots;
    @Column(name = "dedicated_vcpus")
    private int dedicatedVcpus;
    @Column(name = "customer_iso")
    private boolean customerIso;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Plan() {
    }

    Plan(PlanDraft draft, Instant createdAt) {
        this.createdAt = createdAt;
        this.active = true;
        apply(draft);
    }

    void apply(PlanDraft d) {
        this.name = d.name();
        this.title = d.title();
        this.vcpus = d.vcpus();
        this.memoryMib = d.memoryMib();
        this.diskGib = d.diskGib();
        this.cpuCapPercent = d.cpuCapPercent();
        this.cpuShares = d.cpuShares();
        this.diskIops = d.diskIops();
        this.diskMbps = d.diskMbps();
        this.blkioWeight = d.blkioWeight();
        this.netMbps = d.netMbps();
        this.trafficGib = d.trafficGib();
        this.throttledNetMbps = d.throttledNetMbps();
        this.burstBaselinePercent = d.burstBaselinePercent();
        this.priceCents = d.priceCents();
        this.currency = d.currency();
        this.backupSlots = d.backupSlots();
        this.dedicatedVcpus = d.dedicatedVcpus();
    }

    Long getId() {
        return id;
    }

    boolean isActive() {
        return active;
    }

    void retire() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }

    boolean allowsCustomerIso() {
        return customerIso;
    }

    void allowCustomerIso(boolean allowed) {
        this.customerIso = allowed;
    }

    PlanInfo info() {
        return new PlanInfo(id, name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps,
                blkioWeight, netMbps, trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency, active,
                backupSlots, dedicatedVcpus);
    }
}
