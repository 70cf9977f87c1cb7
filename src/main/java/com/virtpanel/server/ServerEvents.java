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

    public record Reinstalled(long serverId, long accountId, String domain) {
    }

    public record DeleteRequested(long serverId, long accountId) {
    }

    public record Deleted(long serverId, long accountId, String domain) {
    }

    public record OperationFailed(long serverId, long accountId, String operation, String reason) {
    }

    public record PlanChanged(long serverId, long accountId, long oldPlanId, long newPlanId) {
    }
}
