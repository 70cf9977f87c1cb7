package com.virtpanel.network;

/** What happened to customers' firewalls, for the audit log. */
public final class FirewallEvents {

    private FirewallEvents() {
    }

    public record Created(long accountId, long firewallId, String name, int rules) {
    }

    public record Changed(long accountId, long firewallId, String name, int rules) {
    }

    public record Deleted(long accountId, long firewallId, String name) {
    }

    public record Attached(long accountId, long firewallId, String name, long serverId) {
    }

    public record Detached(long accountId, long firewallId, String name, long serverId) {
    }

    /** The host's rules for a server differed from the panel's and were put back. */
    public record Repaired(long accountId, long serverId, String address) {
    }
}
