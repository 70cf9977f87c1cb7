package com.virtpanel.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "api_token")
class ApiToken {

    enum Kind { PERSONAL, SESSION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(long accountId, Kind kind, String name, String tokenHash, String prefix, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.kind = kind;
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long getAccountId() {
        return accountId;
    }

    Kind getKind() {
        return kind;
    }

    Long getId() {
        return id;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && !expiredAt(now);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    /** Last use is written at most once per {@code every}: not one write per API call. */
    boolean lastUseIsStale(Instant now, java.time.Duration every) {
        return lastUsedAt == null || !lastUsedAt.isAfter(now.minus(every));
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    ApiTokenInfo info() {
        return new ApiTokenInfo(id, name, prefix, createdAt, expiresAt, lastUsedAt, revokedAt);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
