package com.virtpanel.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One limit the panel wrote to a guest, with the value before and after. */
@Entity
@Table(name = "quota_enforcement")
class EnforcementRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "server_id", nullable = false)
    private long serverId;
    @Column(name = "domain_name", nullable = false)
    private String domainName;
    @Column(nullable = false)
    private Instant at;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Reason reason;
    @Column(nullable = false)
    private String what;
    @Column(name = "before_value")
    private String beforeValue;
    @Column(name = "after_value", nullable = false)
    private String afterValue;

    protected EnforcementRecord() {
    }

    EnforcementRecord(long serverId, String domainName, Instant at, Reason reason, String what, String before, String after) {
        this.serverId = serverId;
        this.domainName = domainName;
        this.at = at;
        this.reason = reason;
        this.what = what;
        this.beforeValue = before;
        this.afterValue = after;
    }

    EnforcementEntry entry(String serverName) {
        return new EnforcementEntry(id == null ? 0 : id, at, serverId, serverName, domainName, reason, what, beforeValue, afterValue);
    }

    long getServerId() {
        return serverId;
    }
}
