package com.virtpanel.host;

/**
 * An ISO attached to a guest as a read-only CD-ROM.
 *
 * @param isoPath    the ISO file on the host
 * @param bootFirst  the guest boots from the CD-ROM before its disk; a direct kernel boot
 *                   (the demo image) is left out then, since it would ignore the boot order
 */
public record InstallMedia(String isoPath, boolean bootFirst) {

    /** The CD-ROM's user alias in the domain XML, so the panel finds it again in a live definition. */
    static final String ALIAS = "ua-iso";
}
