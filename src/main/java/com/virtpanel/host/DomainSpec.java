package com.virtpanel.host;

/**
 * Everything needed to define a guest. Volumes are named, not pathed: the host module
 * resolves them in its storage pool.
 *
 * @param name        libvirt domain name (unique on the host)
 * @param title       shown in virsh list --title, e.g. the customer's hostname
 * @param boot        direct kernel boot, or null to boot from the disk
 * @param diskVolume  the server's disk volume in the pool
 * @param seedVolume  the cloud-init seed ISO volume, or null
 * @param ipv4        the guest's address: the host lets it send from this address and its MAC only
 *                    ({@link GuestFilter}); null leaves the interface unfiltered (tests, benchmarks)
 * @param iso         an ISO attached as a CD-ROM, or null
 * @param ipv6Net     the guest's /64 (e.g. "fd76:a82:0:1::"), which the filter lets it send from and
 *                    {@link Ipv6Routes} routes to it; null: no IPv6 (only with an {@code ipv4})
 * @param dedicatedCores the host cores reserved for this guest, vCPU n on the n-th; null or empty: shared cores
 */
public record DomainSpec(String name, String title, int vcpus, int memoryMib, GuestOs os, DirectBoot boot,
        String diskVolume, String seedVolume, String mac, LimitSpec limits, String ipv4, InstallMedia iso,
        String ipv6Net, CpuSet dedicatedCores) {

    public DomainSpec(String name, String title, int vcpus, int memoryMib, GuestOs os, DirectBoot boot,
            String diskVolume, String seedVolume, String mac, LimitSpec limits, String ipv4, InstallMedia iso,
            String ipv6Net) {
        this(name, title, vcpus, memoryMib, os, boot, diskVolume, seedVolume, mac, limits, ipv4, iso, ipv6Net, null);
    }

    public DomainSpec(String name, String title, int vcpus, int memoryMib, GuestOs os, DirectBoot boot,
            String diskVolume, String seedVolume, String mac, LimitSpec limits, String ipv4, InstallMedia iso) {
        this(name, title, vcpus, memoryMib, os, boot, diskVolume, seedVolume, mac, limits, ipv4, iso, null);
    }

    public DomainSpec(String name, String title, int vcpus, int memoryMib, GuestOs os, DirectBoot boot,
            String diskVolume, String seedVolume, String mac, LimitSpec limits, String ipv4) {
        this(name, title, vcpus, memoryMib, os, boot, diskVolume, seedVolume, mac, limits, ipv4, null);
    }

    /** The same guest with another CD-ROM (null: none). */
    public DomainSpec withIso(InstallMedia media) {
        return new DomainSpec(name, title, vcpus, memoryMib, os, boot, diskVolume, seedVolume, mac, limits, ipv4, media,
                ipv6Net, dedicatedCores);
    }

    /** The same guest on host cores of its own (null: shared). */
    public DomainSpec withDedicatedCores(CpuSet cores) {
        return new DomainSpec(name, title, vcpus, memoryMib, os, boot, diskVolume, seedVolume, mac, limits, ipv4, iso,
                ipv6Net, cores);
    }
}
