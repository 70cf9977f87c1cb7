package com.virtpanel.backup;

/** A whole disk, or only the blocks changed since its parent. */
public enum BackupKind {
    FULL, INCREMENTAL;

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
