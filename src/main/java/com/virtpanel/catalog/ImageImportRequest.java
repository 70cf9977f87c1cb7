package com.virtpanel.catalog;

/**
 * An admin's request to register a qcow2 image.
 *
 * @param source  an absolute path on the panel's host, or an http(s) URL
 * @param sha256  the checksum the file must have (from the distribution's SHA256SUMS)
 */
public record ImageImportRequest(String name, String title, OsFamily osFamily, Firmware firmware, boolean virtio,
        String source, String sha256, int minDiskGib) {
}
