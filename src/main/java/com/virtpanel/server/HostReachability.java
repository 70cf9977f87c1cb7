package com.virtpanel.server;

import java.util.Set;

/**
 * Which hosts cannot be reached now. The server module asks (its servers there read
 * "unreachable" and take no action) and the fleet module answers, by its one rule for a down
 * host, so the server module need not know hosts exist (server must not depend on fleet).
 */
public interface HostReachability {

    /** The names of the hosts that are down now; usually empty. */
    Set<String> unreachableHosts();
}
