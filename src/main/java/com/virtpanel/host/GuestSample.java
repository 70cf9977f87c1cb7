package com.virtpanel.host;

import java.time.Instant;

/**
 * Cumulative counters of one running guest at one instant. Counters start at zero when the
 * guest's QEMU process starts; {@code bootId} changes with every start, so a consumer can tell
 * a restart (counters reset) from a real decrease (which never happens).
 *
 * @param cpuTimeNs       CPU time used by the guest's vCPUs and emulator, in nanoseconds
 * @param diskReadBytes   bytes read from the guest's disks
 * @param diskWriteBytes  bytes written to the guest's disks
 * @param diskReadOps     read operations
 * @param diskWriteOps    write operations
 * @param netRxBytes      bytes the guest received
 * @param netTxBytes      bytes the guest sent
 */
public record GuestSample(String domain, long bootId, Instant at, long cpuTimeNs, long diskReadBytes, long diskWriteBytes,
        long diskReadOps, long diskWriteOps, long netRxBytes, long netTxBytes) {
}
