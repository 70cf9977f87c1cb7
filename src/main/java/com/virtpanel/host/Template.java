package com.virtpanel.host;

/**
 * An image imported into the storage pool as a read-only base volume. The volume name carries
 * a fingerprint of the source file, so a rebuilt image becomes a new template and servers
 * created from the old one keep a valid backing file.
 */
public record Template(String volume, DirectBoot boot) {
}
