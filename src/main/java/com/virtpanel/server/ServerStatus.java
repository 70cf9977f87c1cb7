package com.virtpanel.server;

import java.util.Locale;

/** The status a customer sees. DELETED servers are kept for the audit trail but hidden. */
public enum ServerStatus {
    PROVISIONING, RUNNING, STOPPED, REBOOTING, REINSTALLING, DELETING, FAILED, DELETED;

    /** The API's spelling: "running", "provisioning", … */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isBusy() {
        return this == PROVISIONING || this == REINSTALLING || this == DELETING;
    }

    public String label() {
        String s = apiName();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
