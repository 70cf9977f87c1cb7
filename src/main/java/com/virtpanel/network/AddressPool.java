package com.virtpanel.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address pool as stored; its rules live in {@link PoolShape}, which is built from these columns. */
@Entity
@Table(name = "address_pool")
class AddressPool {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int family;

    @Column(name = "network_name", nullable = false)
    private String networkName;

    @Column(nullable = false)
    private String cidr;

    @Column(nullable = false)
    private String gateway;

    /** Canonical text of the reserved ranges ({@link ReservedRanges#toString}). */
    @Column(nullable = false)
    private String reserved;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AddressPool() {
    }

    AddressPool(String networkName, PoolShape shape, Instant createdAt) {
        this.networkName = networkName;
        this.family = shape.family();
        this.createdAt = createdAt;
        reshape(shape);
    }

    void reshape(PoolShape shape) {
        this.cidr = shape.cidr().toString();
        this.gateway = shape.gatewayText();
        this.reserved = shape.reserved().toString();
    }

    PoolShape shape() {
        return PoolShape.stored(cidr, gateway, reserved);
    }

    Long getId() { return id; }
    int getFamily() { return family; }
    String getNetworkName() { return networkName; }
    Instant getCreatedAt() { return createdAt; }
}
