package com.virtpanel.console;

import com.virtpanel.host.Domains;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Where a guest's VNC server listens: on the host's loopback, never exposed beyond it. */
@Component
class ConsoleTargets {

    private final Domains domains;

    ConsoleTargets(Domains domains) {
        this.domains = domains;
    }

    Optional<InetSocketAddress> of(String domain) {
        return domains.vnc(domain).map(v -> new InetSocketAddress(v.host(), v.port()));
    }
}
