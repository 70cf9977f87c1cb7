package com.virtpanel.server;

import com.virtpanel.host.CpuSet;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a guest moving to another host arrives. The server module asks and the fleet module
 * answers from what that host's instances registered, so the server module need not know hosts
 * exist (server must not depend on fleet).
 */
public interface MigrationDestinations {

    /** The host's migration address, storage directory, network and shared cores; empty when it takes no migrations (or is unknown). */
    Optional<Destination> of(String host);

    /**
     * @param libvirtUri how the source host's libvirtd reaches the target's
     * @param storageDir the target's panel.storage.dir
     * @param network    the libvirt network guests join there
     * @param sharedCores the cores its shared guests and every emulator run on, null when it reserves none
     */
    record Destination(String libvirtUri, Path storageDir, String network, CpuSet sharedCores) {
    }
}
