package com.virtpanel.backup;

/** Only OK backups are restorable: a running one is incomplete, a damaged one no longer matches its hash. */
public enum BackupStatus {
    RUNNING, OK, FAILED, DAMAGED;

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
