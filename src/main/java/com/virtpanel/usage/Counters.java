package com.virtpanel.usage;

import com.virtpanel.host.GuestSample;
import java.time.Instant;

/** A server's cumulative counters at one instant, as stored between passes. */
record Counters(long serverId, long bootId, Instant at, long cpuTimeNs, long diskReadBytes, long diskWriteBytes,
        long diskReadOps, long diskWriteOps, long netRxBytes, long netTxBytes) {

    static Counters of(long serverId, GuestSample s) {
        return new Counters(serverId, s.bootId(), s.at(), s.cpuTimeNs(), s.diskReadBytes(), s.diskWriteBytes(),
                s.diskReadOps(), s.diskWriteOps(), s.netRxBytes(), s.netTxBytes());
    }

    /** True if any counter is below {@code earlier}'s: the counters were reset in between. */
    boolean anyBelow(Counters earlier) {
        return cpuTimeNs < earlier.cpuTimeNs || diskReadBytes < earlier.diskReadBytes
                || diskWriteBytes < earlier.diskWriteBytes || diskReadOps < earlier.diskReadOps
                || diskWriteOps < earlier.diskWriteOps || netRxBytes < earlier.netRxBytes || netTxBytes < earlier.netTxBytes;
    }
}
