package com.virtpanel.host;

import java.nio.file.Path;

/**
 * Offline changes to what is inside a guest's disk, and inspection of images (libguestfs).
 * Every change is prepared in a scratch overlay and committed into the volume only when it
 * succeeded as a whole, so a failure leaves the volume exactly as it was. Callers make sure
 * the guest is not running: a disk in use is never changed.
 */
public interface GuestImageTools {

    /** The operating system in an image file, read-only. */
    InspectedOs inspect(Path imageFile);

    /** Writes a crypt(3) hash as root's password into /etc/shadow; the rest of the line stays. */
    void setRootPasswordHash(String volume, String cryptHash);

    /** Appends an OpenSSH public key line to root's authorized_keys (once: a key already there is kept as is). */
    void addRootSshKey(String volume, String keyLine);

    /**
     * Grows the volume to {@code sizeGib} and a Linux root filesystem (on the whole disk, on the
     * last partition, or in LVM on it) to fill it; other systems grow into the space themselves.
     * A volume larger than that is refused: disks never shrink.
     */
    void growDisk(String volume, int sizeGib);
}
