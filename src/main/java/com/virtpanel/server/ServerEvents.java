package com.virtpanel.server;

/** What happens to servers; the audit log, console, usage and quota modules listen. */
public final class ServerEvents {

    private ServerEvents() {
    }

    public record Ordered(long serverId, long accountId, String name, String plan, String image) {
    }

    public record Provisioned(long serverId, long accountId, String domain) {
    }

    public record StatusChanged(long serverId, long accountId, ServerStatus status) {
    }

    public record PowerAction(long serverId, long accountId, String action) {
    }

    public record ReinstallRequested(long serverId, long accountId, String image) {
    }

    public record RestoreRequested(long serverId, long accountId, String backup) {
    }

    public record Restored(long serverId, long accountId) {
    }

    public record Reinstalled(long serverId, long accountId, String domain) {
    }

    /** @param keepBackups the customer keeps the server's backups (else they go with it) */
    public record DeleteRequested(long serverId, long accountId, boolean keepBackups) {
    }

    public record Deleted(long serverId, long accountId, String domain) {
    }

    public record OperationFailed(long serverId, long accountId, String operation, String reason) {
    }

    public record PlanChanged(long serverId, long accountId, long oldPlanId, long newPlanId) {
    }

    public record RootPasswordResetRequested(long serverId, long accountId) {
    }

    /** The new root password is in the guest's /etc/shadow (the password itself is never in an event). */
    public record RootPasswordReset(long serverId, long accountId) {
    }

    public record SshKeyAddRequested(long serverId, long accountId, String fingerprint) {
    }

    /** The key is in root's authorized_keys on the server's disk. */
    public record SshKeyAdded(long serverId, long accountId, String fingerprint) {
    }

    public record PlanChangeRequested(long serverId, long accountId, String fromPlan, String toPlan) {
    }

    public record IsoBootRequested(long serverId, long accountId, long isoId, String iso, boolean keepBooting) {
    }

    /** The guest started from the ISO, which stays attached until ejected. */
    public record IsoBooted(long serverId, long accountId, long isoId) {
    }

    public record IsoEjectRequested(long serverId, long accountId) {
    }

    public record IsoEjected(long serverId, long accountId) {
    }

    /** The password itself is never in an event: only whether one was generated. */
    public record RescueRequested(long serverId, long accountId, boolean oneTimePassword) {
    }

    public record RescueStarted(long serverId, long accountId, java.time.Instant until) {
    }

    /** @param automaticReason why the panel ended rescue mode itself, or null when the customer asked */
    public record LeaveRescueRequested(long serverId, long accountId, String automaticReason) {
    }

    /** The server boots from its own disk again. */
    public record RescueEnded(long serverId, long accountId) {
    }

    /** Staff asked to move the running server from host {@code from} to host {@code to}. */
    public record MigrationRequested(long serverId, long accountId, String from, String to) {
    }

    /** The server's guest runs on {@code host} now; that host's instance tells this (limits and firewall follow there). */
    public record Migrated(long serverId, long accountId, String domain, String host) {
    }
}
