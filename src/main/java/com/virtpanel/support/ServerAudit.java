package com.virtpanel.support;

import com.virtpanel.server.ServerEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Orders, power actions, reinstalls and deletes. Status changes are not audited one by one:
 * they follow from these actions (or from the guest itself) and would drown them. The server's
 * name is copied into the row, so the log still reads well after the server is gone.
 */
@Component
class ServerAudit {

    private final AuditTrail trail;
    private final ServerNames names;

    ServerAudit(AuditTrail trail, ServerNames names) {
        this.trail = trail;
        this.names = names;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Ordered e) {
        trail.record(AuditAction.SERVER_ORDERED, e.accountId(), e.serverId(), e.name(),
                "plan " + e.plan() + ", image " + e.image());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Provisioned e) {
        trail.record(AuditAction.SERVER_PROVISIONED, e.accountId(), e.serverId(), names.of(e.serverId()), e.domain());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.PowerAction e) {
        AuditAction action = AuditAction.power(e.action());
        trail.record(action, e.accountId(), e.serverId(), names.of(e.serverId()),
                action == AuditAction.SERVER_POWER_OTHER ? e.action() : null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.ReinstallRequested e) {
        trail.record(AuditAction.SERVER_REINSTALL_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "image " + e.image());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Reinstalled e) {
        trail.record(AuditAction.SERVER_REINSTALLED, e.accountId(), e.serverId(), names.of(e.serverId()), e.domain());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.RestoreRequested e) {
        trail.record(AuditAction.SERVER_RESTORE_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()), e.backup());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Restored e) {
        trail.record(AuditAction.SERVER_RESTORED, e.accountId(), e.serverId(), names.of(e.serverId()), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.DeleteRequested e) {
        trail.record(AuditAction.SERVER_DELETE_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Deleted e) {
        trail.record(AuditAction.SERVER_DELETED, e.accountId(), e.serverId(), names.of(e.serverId()), e.domain());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.OperationFailed e) {
        trail.record(AuditAction.SERVER_OPERATION_FAILED, e.accountId(), e.serverId(), names.of(e.serverId()),
                e.operation() + ": " + e.reason());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.PlanChanged e) {
        trail.record(AuditAction.SERVER_PLAN_CHANGED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "plan " + e.oldPlanId() + " → " + e.newPlanId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.RootPasswordResetRequested e) {
        trail.record(AuditAction.SERVER_ROOT_PASSWORD_RESET_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.RootPasswordReset e) {
        trail.record(AuditAction.SERVER_ROOT_PASSWORD_RESET, e.accountId(), e.serverId(), names.of(e.serverId()), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.SshKeyAddRequested e) {
        trail.record(AuditAction.SERVER_SSH_KEY_ADD_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()), e.fingerprint());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.SshKeyAdded e) {
        trail.record(AuditAction.SERVER_SSH_KEY_ADDED, e.accountId(), e.serverId(), names.of(e.serverId()), e.fingerprint());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.PlanChangeRequested e) {
        trail.record(AuditAction.SERVER_PLAN_CHANGE_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "plan " + e.fromPlan() + " → " + e.toPlan());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.IsoBootRequested e) {
        trail.record(AuditAction.SERVER_ISO_BOOT_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "iso " + e.isoId() + " (" + e.iso() + ")" + (e.keepBooting() ? ", keep booting from it" : ", this boot only"));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.IsoBooted e) {
        trail.record(AuditAction.SERVER_ISO_BOOTED, e.accountId(), e.serverId(), names.of(e.serverId()), "iso " + e.isoId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.IsoEjectRequested e) {
        trail.record(AuditAction.SERVER_ISO_EJECT_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.IsoEjected e) {
        trail.record(AuditAction.SERVER_ISO_EJECTED, e.accountId(), e.serverId(), names.of(e.serverId()), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.RescueRequested e) {
        trail.record(AuditAction.SERVER_RESCUE_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()),
                e.oneTimePassword() ? "SSH keys and a one-time root password" : "SSH keys");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.RescueStarted e) {
        trail.record(AuditAction.SERVER_RESCUE_STARTED, e.accountId(), e.serverId(), names.of(e.serverId()), "until " + e.until());
    }

    /** Asked by the customer (no reason), or the panel's own end of rescue mode (the reason). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.LeaveRescueRequested e) {
        trail.record(AuditAction.SERVER_LEAVE_RESCUE_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()),
                e.automaticReason() == null ? null : "automatic: " + e.automaticReason());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.RescueEnded e) {
        trail.record(AuditAction.SERVER_RESCUE_ENDED, e.accountId(), e.serverId(), names.of(e.serverId()), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.MigrationRequested e) {
        trail.record(AuditAction.SERVER_MIGRATION_REQUESTED, e.accountId(), e.serverId(), names.of(e.serverId()),
                "from " + e.from() + " to " + e.to());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Migrated e) {
        trail.record(AuditAction.SERVER_MIGRATED, e.accountId(), e.serverId(), names.of(e.serverId()), "now on " + e.host());
    }
}
