package com.virtpanel.catalog;

import com.virtpanel.base.StoredMessages;
import com.virtpanel.base.UserMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
class Iso {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(name = "scope_name", nullable = false, unique = true)
    private String scopeName;
    @Column(name = "owner_account_id")
    private Long ownerAccountId;
    @Column(nullable = false)
    private String source;
    @Column(nullable = false)
    private String path;
    private String sha256;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IsoStatus status;
    private String failure;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Iso() {
    }

    Iso(String name, Long ownerAccountId, String source, String path, String sha256, Long sizeBytes, IsoStatus status,
            Instant createdAt) {
        this.name = name;
        this.scopeName = scope(ownerAccountId, name);
        this.ownerAccountId = ownerAccountId;
        this.source = source;
        this.path = path;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.status = status;
        this.createdAt = createdAt;
    }

    /** Names are unique per owner: the admins' library is one owner, each customer another. */
    static String scope(Long ownerAccountId, String name) {
        return (ownerAccountId == null ? "admin" : ownerAccountId.toString()) + "/" + name;
    }

    void ready(String sha256, long sizeBytes) {
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.status = IsoStatus.READY;
        this.failure = null;
    }

    /** Kept as a message ({@link StoredMessages}), so each reader gets it in their language. */
    void failed(UserMessage reason) {
        this.status = IsoStatus.FAILED;
        String stored = StoredMessages.write(reason);
        this.failure = stored.length() <= 1000 ? stored : StoredMessages.write(UserMessage.of("error.catalog.iso-download-failed"));
    }

    Long getId() {
        return id;
    }

    Long getOwnerAccountId() {
        return ownerAccountId;
    }

    IsoStatus getStatus() {
        return status;
    }

    IsoInfo info() {
        return new IsoInfo(id, name, ownerAccountId, source, path, sha256, sizeBytes, status, StoredMessages.read(failure), createdAt);
    }
}
