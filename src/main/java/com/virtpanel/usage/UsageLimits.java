package com.virtpanel.usage;

/**
 * The plan's limits in the units of the series, for drawing them next to the usage.
 *
 * @param cpuPercent         CPU cap, 100 = one vCPU
 * @param diskBytesPerSec    disk throughput cap (read + write, per disk)
 * @param diskOpsPerSec      disk IOPS cap (read + write, per disk)
 * @param netBitsPerSec      network rate cap, each direction
 * @param trafficBytes       monthly traffic allowance, in + out
 */
public record UsageLimits(double cpuPercent, double diskBytesPerSec, double diskOpsPerSec, double netBitsPerSec,
        long trafficBytes) {
}
