package com.virtpanel.quota;

import java.time.Instant;
import java.util.Map;

/**
 * Where the quota module gets each running guest's cumulative CPU time and traffic from.
 * One call per reconcile pass, for all guests at once.
 */
interface UsageFeed {

    /** The counters of every running guest, by libvirt domain name. */
    Map<String, Counters> countersByDomain();

    /**
     * Cumulative counters of one guest; they restart at zero when {@code bootId} changes.
     *
     * @param cpuTimeNs CPU time of the guest's vCPUs and emulator
     * @param netBytes  bytes received plus bytes sent
     */
    record Counters(long bootId, Instant at, long cpuTimeNs, long netBytes) {
    }
}
