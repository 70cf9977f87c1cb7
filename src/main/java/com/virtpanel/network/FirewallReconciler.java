package com.virtpanel.network;

import com.virtpanel.host.GuestFirewalls;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One pass over every server: reads the host's firewall table once and puts back what differs
 * (a flushed table after a host reboot, a rule someone deleted, a change the enforcer could
 * not apply). Each repair is logged and audited.
 */
@Component
class FirewallReconciler {

    private static final Logger log = LoggerFactory.getLogger(FirewallReconciler.class);

    private final ServerDirectory directory;
    private final FirewallEnforcer enforcer;
    private final GuestFirewalls host;

    FirewallReconciler(ServerDirectory directory, FirewallEnforcer enforcer, GuestFirewalls host) {
        this.directory = directory;
        this.enforcer = enforcer;
        this.host = host;
    }

    /** Returns how many servers' rules were repaired. */
    int pass() {
        GuestFirewalls.Snapshot snapshot = host.snapshot();
        int repaired = 0;
        for (ServerRef server : directory.liveHere()) { // each host's nftables: its own servers
            try {
                if (enforcer.enforce(server.id(), snapshot)) {
                    repaired++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not check the firewall of {}: {}", server.domain(), e.toString());
            }
        }
        return repaired;
    }
}
