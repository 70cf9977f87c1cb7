package com.virtpanel.catalog;

/**
 * An OS image. Images with a kernel path boot directly from that kernel (the demo image);
 * others boot from their disk with BIOS or UEFI firmware.
 */
public record ImageInfo(long id, String name, String title, OsFamily osFamily, Firmware firmware, boolean virtio,
        String sourcePath, String kernelPath, String initrdPath, String kernelCmdline, String sha256,
        String osName, String osVersion, String arch, int minDiskGib, boolean enabled) {

    /** What inspection found, for the order wizard ("Debian 12 (x86_64)"). */
    public String detected() {
        if (osName == null || osName.isBlank()) {
            return "";
        }
        return osName + (osVersion == null || osVersion.isBlank() ? "" : " " + osVersion)
                + (arch == null || arch.isBlank() ? "" : " (" + arch + ")");
    }
}
