package com.virtpanel.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The PTR record the panel wants PowerDNS to serve for one server address (one row per address). */
@Entity
@Table(name = "reverse_dns")
class ReverseDns {

    enum State {
        /** Written in the panel, not yet confirmed by PowerDNS. */
        PENDING,
        /** PowerDNS holds this revision. */
        SERVED,
        /** The server is gone: the record leaves PowerDNS, then this row goes. */
        REMOVING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "server_id", nullable = false)
    private long serverId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private String ptr;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private long revision;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReverseDns() {
    }

    ReverseDns(long serverId, long accountId, String address, String ptr, Instant now) {
        this.serverId = serverId;
        this.accountId = accountId;
        this.address = address;
        this.ptr = ptr;
        this.state = State.PENDING;
        this.revision = 1;
        this.updatedAt = now;
    }

    /** A new name for the address, possibly of a new server (the address was handed out again). */
    void assign(long newServerId, long newAccountId, String newPtr, Instant now) {
        this.serverId = newServerId;
        this.accountId = newAccountId;
        this.ptr = newPtr;
        this.state = State.PENDING;
        this.revision++;
        this.updatedAt = now;
    }

    void remove(Instant now) {
        this.state = State.REMOVING;
        this.revision++;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    long getServerId() {
        return serverId;
    }

    long getAccountId() {
        return accountId;
    }

    String getAddress() {
        return address;
    }

    String getPtr() {
        return ptr;
    }

    State getState() {
        return state;
    }

    long getRevision() {
        return revision;
    }
}
