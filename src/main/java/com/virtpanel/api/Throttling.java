package com.virtpanel.api;

import org.springframework.stereotype.Component;

/**
 * The {@code throttled} flag of the server JSON: whether the quota module holds a server below
 * its plan's limits right now (traffic cap reached, burst credits spent). The quota module does
 * not offer that state yet, so every server reads as not throttled; connecting its service here
 * is the only change the API needs.
 */
@Component
class Throttling {

    boolean throttled(long serverId) {
        return false;
    }
}
