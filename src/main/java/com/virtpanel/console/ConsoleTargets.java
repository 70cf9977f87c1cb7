package com.virtpanel.console;

import com.virtpanel.fleet.HostConsoles;
import com.virtpanel.host.Domains;
import com.virtpanel.server.ServerDirectory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a guest's console is reached from this instance. A guest on this instance's host: its
 * VNC server on the host's loopback, never exposed beyond it. A guest on another host: the relay
 * endpoint of that host's panel instances, which alone reach its VNC server; the forwarding is
 * a WebSocket like the browser's (see {@link RelayHandshake}).
 */
@Component
class ConsoleTargets {

    /** Where a host's instances take forwarded consoles; the server id follows. */
    static final String RELAY_PATH = "/console/relay/";

    private final Domains domains;
    private final ServerDirectory directory;
    private final HostConsoles hosts;

    ConsoleTargets(Domains domains, ServerDirectory directory, HostConsoles hosts) {
        this.domains = domains;
        this.directory = directory;
        this.hosts = hosts;
    }

    Optional<InetSocketAddress> of(String domain) {
        return domains.vnc(domain).map(v -> new InetSocketAddress(v.host(), v.port()));
    }

    /** Whether the server's guest runs on this instance's host (its VNC server is then reachable from here). */
    boolean here(long serverId) {
        return directory.isHere(serverId);
    }

    /** For a guest on another host: the relay endpoint of that host's instances; empty when the host never said where. */
    Optional<URI> relay(long serverId) {
        return directory.host(serverId).flatMap(hosts::of)
                .map(base -> URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/+$", "") + RELAY_PATH + serverId));
    }
}
