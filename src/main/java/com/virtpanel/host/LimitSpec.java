package com.virtpanel.host;

/**
 * The limits a guest runs under, in the units the host uses.
 *
 * @param cpuShares        relative CPU weight (cgroup v1 cpu.shares; v2 cpu.weight is derived)
 * @param cpuCapPercent    CPU cap for the whole guest, 100 = one full vCPU
 * @param vcpus            number of vCPUs, which the cap is spread over (quota is per vCPU)
 * @param diskIops         total read+write operations per second, per disk
 * @param diskBytesPerSec  total read+write bytes per second, per disk
 * @param blkioWeight      relative disk weight (100..1000), where the kernel supports it
 * @param netKBps          network average rate in kilobytes per second, each direction
 */
public record LimitSpec(int cpuShares, int cpuCapPercent, int vcpus, long diskIops, long diskBytesPerSec,
        int blkioWeight, long netKBps) {

    /** libvirt's default CFS period. */
    public static final long CPU_PERIOD_US = 100_000;

    /** The CFS quota per vCPU thread that gives the cap: 50 % on one vCPU is 50 000 of 100 000 µs. */
    public long cpuQuotaUsPerVcpu() {
        return Math.max(1000, CPU_PERIOD_US * cpuCapPercent / 100 / Math.max(1, vcpus));
    }

    public static long mbitToKBps(int mbit) {
        return mbit * 1000L / 8;
    }

    public static long mbToBytes(int mb) {
        return mb * 1_000_000L;
    }
}
