package com.virtpanel.catalog;

/** A new OS image as an admin registers it (the source file is verified before this is saved). */
public record ImageDraft(String name, String title, OsFamily osFamily, Firmware firmware, boolean virtio,
        String sourcePath, String kernelPath, String initrdPath, String kernelCmdline, String sha256, int minDiskGib) {
}
