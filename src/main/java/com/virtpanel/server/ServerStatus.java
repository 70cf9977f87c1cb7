package com.virtpanel.server;

import java.util.Locale;

/**
 * The status a customer sees. DELETED servers are kept for the audit trail but hidden. QUEUED is
 * what a server shows while its operation waits for a slot on the host; the stored status stays
 * the operation's own (provisioning, reinstalling, …) and shows again once the operation runs.
 */
public enum ServerStatus {
    PROVISIONING, RUNNING, STOPPED, REBOOTING, REINSTALLING, DELETING, FAILED, DELETED, QUEUED,
    /** Running the rescue system (see {@link ServerRescue}). */
    RESCUE,
    /** Its disk is being replaced by one written from a backup (see {@link ServerRestore}). */
    RESTORING,
    /** Moving to another host while it runs (see {@link Operation#MIGRATE}). */
    MIGRATING,
    /**
     * Shown, never stored: the server's host is down ({@link HostReachability}), so nobody knows
     * what the guest does; every action is refused until the host is back and the stored status shows again.
     */
    UNREACHABLE;

    /** The API's spelling: "running", "provisioning", … */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isBusy() {
        return this == PROVISIONING || this == REINSTALLING || this == DELETING || this == QUEUED || this == RESTORING
                || this == MIGRATING;
    }

    public String label() {
        String s = apiName();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
