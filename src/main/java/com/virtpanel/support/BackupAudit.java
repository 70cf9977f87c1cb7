package com.virtpanel.support;

import com.virtpanel.backup.BackupEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Backups asked for, made, failed, found damaged and deleted (restores are the server's operation: ServerAudit). */
@Component
class BackupAudit {

    private final AuditTrail trail;
    private final ServerNames names;

    BackupAudit(AuditTrail trail, ServerNames names) {
        this.trail = trail;
        this.names = names;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(BackupEvents.BackupRequested e) {
        trail.record(AuditAction.BACKUP_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()), "backup " + e.backupId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(BackupEvents.BackupMade e) {
        trail.record(AuditAction.BACKUP_MADE, e.accountId(), e.serverId(), names.of(e.serverId()),
                "backup " + e.backupId() + ": " + e.kind() + ", " + e.sizeBytes() + " bytes");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(BackupEvents.BackupFailed e) {
        trail.record(AuditAction.BACKUP_FAILED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "backup " + e.backupId() + ": " + e.reason());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(BackupEvents.BackupDamaged e) {
        trail.record(AuditAction.BACKUP_DAMAGED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "backup " + e.backupId() + ": " + e.problem());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(BackupEvents.BackupDeleted e) {
        trail.record(AuditAction.BACKUP_DELETED, e.accountId(), e.serverId(), names.of(e.serverId()), "backup " + e.backupId());
    }
}
