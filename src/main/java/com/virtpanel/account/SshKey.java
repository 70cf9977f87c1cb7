package com.virtpanel.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "ssh_key")
class SshKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "key_type", nullable = false)
    private String keyType;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SshKey() {
    }

    SshKey(long accountId, String name, SshPublicKey key, Instant createdAt) {
        this.accountId = accountId;
        this.name = name;
        this.keyType = key.type();
        this.publicKey = key.line();
        this.fingerprint = key.fingerprint();
        this.createdAt = createdAt;
    }

    long getAccountId() {
        return accountId;
    }

    SshKeyInfo info() {
        return new SshKeyInfo(id, name, keyType, fingerprint, publicKey, createdAt);
    }
}
