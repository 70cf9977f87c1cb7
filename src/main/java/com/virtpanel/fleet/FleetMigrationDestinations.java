package com.virtpanel.fleet;

import com.virtpanel.server.MigrationDestinations;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the server module's "where does a guest moving to this host go" from what the host's instances registered. */
@Component
class FleetMigrationDestinations implements MigrationDestinations {

    private final FleetHostRepository hosts;

    FleetMigrationDestinations(FleetHostRepository hosts) {
        this.hosts = hosts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Destination> of(String host) {
        return hosts.findById(host).filter(h -> h.getMigrationUri() != null && h.getStorageDir() != null && h.getNetworkName() != null)
                .map(h -> new Destination(h.getMigrationUri(), Path.of(h.getStorageDir()), h.getNetworkName()));
    }
}
