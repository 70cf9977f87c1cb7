package com.virtpanel.quota;

import java.time.Instant;

/**
 * A running guest's cumulative counters as the usage module read them; they restart at zero
 * when {@code bootId} changes. Cumulative on purpose: a pass the quota module misses is
 * covered by the next one.
 *
 * @param cpuTimeNs CPU time of the guest's vCPUs and emulator
 * @param netBytes  bytes received plus bytes sent
 */
record GuestCounters(long bootId, Instant at, long cpuTimeNs, long netBytes) {
}
