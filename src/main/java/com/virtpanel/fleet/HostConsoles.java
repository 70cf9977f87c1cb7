package com.virtpanel.fleet;

import com.virtpanel.base.SkipsCallerCheck;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a host's panel instances take the consoles that other instances forward to them (the
 * console module routes a guest's console there when the guest is on another host). The address
 * is the host's own business: customers never see it.
 */
@SkipsCallerCheck
@Component
public class HostConsoles {

    private final FleetHostRepository hosts;

    HostConsoles(FleetHostRepository hosts) {
        this.hosts = hosts;
    }

    /** The base URL of the host's instances (http://address:port); empty for an unknown host or one that never said. */
    @Transactional(readOnly = true)
    public Optional<URI> of(String host) {
        return hosts.findById(host).map(FleetHost::getConsoleUrl).filter(url -> !url.isBlank()).map(URI::create);
    }
}
