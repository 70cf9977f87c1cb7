package com.virtpanel.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One audit row. Immutable for Hibernate (no dirty checking, no UPDATE statements) and
 * guarded by a trigger in the database; the repository offers no way to change or delete it.
 */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String action;

    @Column(name = "actor_account_id")
    private Long actorAccountId;

    @Column(name = "actor_email")
    private String actorEmail;

    @Column(name = "effective_account_id")
    private Long effectiveAccountId;

    @Column(name = "effective_email")
    private String effectiveEmail;

    @Column(name = "impersonation_reason")
    private String impersonationReason;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    @Column(name = "subject_account_id")
    private Long subjectAccountId;

    @Column(name = "server_id")
    private Long serverId;

    private String target;

    private String detail;

    @Column(name = "client_ip")
    private String clientIp;

    protected AuditRecord() {
    }

    AuditRecord(Instant occurredAt, AuditAction action, Who who, Long subjectAccountId, Long serverId, String target,
            String detail, String clientIp) {
        this.occurredAt = occurredAt;
        this.action = action.code();
        this.actorAccountId = who.actor().accountId();
        this.actorEmail = clip(who.actor().email(), 254);
        this.effectiveAccountId = who.effective().accountId();
        this.effectiveEmail = clip(who.effective().email(), 254);
        this.impersonationReason = clip(who.reason(), 500);
        this.readOnly = who.readOnly();
        this.subjectAccountId = subjectAccountId;
        this.serverId = serverId;
        this.target = clip(target, 254);
        this.detail = clip(detail, 1000);
        this.clientIp = clip(clientIp, 64);
    }

    Long getId() {
        return id;
    }

    AuditEntry entry() {
        return new AuditEntry(id, occurredAt, action, actorAccountId, actorEmail, effectiveAccountId, effectiveEmail,
                impersonationReason, readOnly, subjectAccountId, serverId, target, detail, clientIp);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
