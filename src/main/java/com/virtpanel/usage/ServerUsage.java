package com.virtpanel.usage;

import java.time.Instant;

/**
 * One server in one sampling pass: the rates the graphs show, and the guest's cumulative
 * counters, so that a listener that misses a pass loses nothing (the next counters cover it).
 *
 * @param serverId       the server
 * @param accountId      its owner
 * @param at             when its counters were read
 * @param seconds        the interval the rates cover (0 for a gap)
 * @param rates          usage over that interval, or null for a gap (first sample, restart, missed passes)
 * @param rxBytes        bytes received since the previous pass, exact (also across a restart)
 * @param txBytes        bytes sent since the previous pass, exact
 * @param bootId         identifies the guest's current run; the cumulative counters restart at zero when it changes
 * @param cpuTimeNs      cumulative CPU time of the guest's vCPUs and emulator in this run
 * @param netBytes       cumulative bytes received plus sent in this run
 */
public record ServerUsage(long serverId, long accountId, Instant at, double seconds, Rates rates, long rxBytes,
        long txBytes, long bootId, long cpuTimeNs, long netBytes) {

    public boolean gap() {
        return rates == null;
    }
}
