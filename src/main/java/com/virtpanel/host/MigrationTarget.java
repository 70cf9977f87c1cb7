package com.virtpanel.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a migrating guest goes, as its definition must read there.
 *
 * @param libvirtUri how this host's libvirtd reaches the target's (peer to peer: the panel holds
 *                   no connection to the target; in production {@code qemu+tls://<management address>/system})
 * @param storageDir the target's {@code panel.storage.dir}: the guest's disk, seed and serial log
 *                   move from this host's storage directory to the same places under it
 * @param network    the libvirt network the guest joins there
 * @param tap        the host-side tap the guest gets there: never the one it has here, so two
 *                   daemons sharing one network namespace (the test bed) never meet over a name
 * @param cores      where its vCPUs and emulator threads run there
 */
public record MigrationTarget(String libvirtUri, Path storageDir, String network, String tap, Cores cores) {

    public MigrationTarget {
        Objects.requireNonNull(cores);
    }

    /**
     * The target's cores for the guest, as DomainXml pins a guest defined there.
     *
     * @param dedicated the reserved cores the guest holds there, null for a guest on shared cores
     * @param shared    the target's shared cores, null when it reserves none (guests unpinned there)
     */
    public record Cores(CpuSet dedicated, CpuSet shared) {

        /** A host that reserves no cores, for a guest on shared cores: no pinning. */
        public static final Cores UNPINNED = new Cores(null, null);
    }

    /** Where {@code domain} goes on {@code host}: its tap there is named after both, so never the one it has elsewhere. */
    public static MigrationTarget of(String domain, String host, String libvirtUri, Path storageDir, String network, Cores cores) {
        return new MigrationTarget(libvirtUri, storageDir, network, DomainXml.tapName(domain + "@" + host), cores);
    }
}
