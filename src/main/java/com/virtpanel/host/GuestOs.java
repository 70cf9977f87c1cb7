package com.virtpanel.host;

/**
 * The guest's operating system family, which picks device models: Linux and FreeBSD get
 * virtio; Windows gets SATA and e1000e unless its image ships virtio drivers.
 *
 * @param family  LINUX, FREEBSD or WINDOWS
 * @param virtio  whether the guest has virtio drivers (always true for Linux and FreeBSD)
 * @param uefi    boot with UEFI firmware instead of BIOS
 */
public record GuestOs(Family family, boolean virtio, boolean uefi) {

    public enum Family { LINUX, FREEBSD, WINDOWS }

    public boolean usesVirtio() {
        return family != Family.WINDOWS || virtio;
    }
}
