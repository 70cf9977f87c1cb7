package com.virtpanel.quota;

import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where what the host enforces differs from what it should. Values the host cannot read
 * (null in {@link LiveLimits}) are not compared: they cannot be proven either way.
 */
final class Drift {

    /** A kind of limit, and how to find its desired value in a {@link LimitSpec}. */
    enum Limit {
        CPU_SHARES, CPU_PERIOD, CPU_QUOTA, DISK_IOPS, DISK_BYTES, BLKIO_WEIGHT, NET_RATE,
        /** Where vCPUs and emulator threads may run: a cpuset, compared by {@link com.virtpanel.host.GuestPinning}, not here. */
        CPU_PINNING;

        long valueIn(LimitSpec l) {
            return switch (this) {
                case CPU_SHARES -> l.cpuShares();
                case CPU_PERIOD -> LimitSpec.CPU_PERIOD_US;
                case CPU_QUOTA -> l.cpuQuotaUsPerVcpu();
                case DISK_IOPS -> l.diskIops();
                case DISK_BYTES -> l.diskBytesPerSec();
                case BLKIO_WEIGHT -> l.blkioWeight();
                case NET_RATE -> l.netKBps();
                case CPU_PINNING -> throw new IllegalStateException("a pinning is a cpuset, not a number in the limits");
            };
        }
    }

    /**
     * One limit that is not what it should be.
     *
     * @param what   the setting, as an operator knows it ("vcpu_quota", "cgroup vcpu0 cpu.cfs_quota_us")
     * @param before what the host enforces now (null when it enforces nothing there)
     * @param after  what it should enforce
     */
    record Difference(Limit limit, String what, Long before, long after) {
    }

    private Drift() {
    }

    static List<Difference> between(LimitSpec want, LiveLimits live) {
        var found = new ArrayList<Difference>();
        check(found, Limit.CPU_SHARES, "cpu_shares", want, live.cpuShares());
        if ("v1".equals(live.cgroupVersion())) {
            // cgroup v2 keeps a weight derived from the shares, not the shares themselves
            check(found, Limit.CPU_SHARES, "cgroup cpu.shares", want, live.cgroupCpuShares());
        }
        check(found, Limit.CPU_PERIOD, "vcpu_period", want, live.vcpuPeriodUs());
        check(found, Limit.CPU_QUOTA, "vcpu_quota", want, live.vcpuQuotaUs());
        List<Long> quotas = live.cgroupVcpuQuotasUs();
        if (quotas != null) {
            for (int i = 0; i < quotas.size(); i++) {
                check(found, Limit.CPU_QUOTA, "cgroup vcpu" + i + " quota", want, quotas.get(i));
            }
        }
        check(found, Limit.DISK_IOPS, "total_iops_sec", want, live.diskIops());
        check(found, Limit.DISK_BYTES, "total_bytes_sec", want, live.diskBytesPerSec());
        check(found, Limit.BLKIO_WEIGHT, "blkio weight", want, live.blkioWeight() == null ? null : live.blkioWeight().longValue());
        check(found, Limit.NET_RATE, "inbound average", want, live.netInboundKBps());
        check(found, Limit.NET_RATE, "outbound average", want, live.netOutboundKBps());
        return found;
    }

    private static void check(List<Difference> found, Limit limit, String what, LimitSpec want, Long live) {
        if (live == null) {
            return;
        }
        long desired = limit.valueIn(want);
        if (!Objects.equals(live, desired)) {
            found.add(new Difference(limit, what, live, desired));
        }
    }
}
