package com.virtpanel.fleet;

import com.virtpanel.host.CpuSet;
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
                // a host that reserves cores but has not told how many it has: its shared ones are not known yet
                .filter(h -> h.getDedicatedCpuset().isEmpty() || h.getVcpus() > 0)
                .map(h -> new Destination(h.getMigrationUri(), Path.of(h.getStorageDir()), h.getNetworkName(), sharedCores(h)));
    }

    /** Computed as the host's own panel does from its CPUs and reservation (the hosts row holds both). */
    private static CpuSet sharedCores(FleetHost host) {
        return CpuSet.sharedCores(CpuSet.parse(host.getDedicatedCpuset()), host.getVcpus());
    }
}
