package com.virtpanel.host;

import java.util.List;

/**
 * The limits a running guest is really under: what libvirt reports and, as the proof, what
 * the kernel's cgroup files say. Null means "not readable on this host".
 *
 * @param cgroupVcpuQuotasUs  per-vCPU CFS quota from cpu.cfs_quota_us (v1) or cpu.max (v2); -1 = unlimited
 * @param cgroupVersion       "v1" or "v2"
 */
public record LiveLimits(String domain, Long cpuShares, Long vcpuPeriodUs, Long vcpuQuotaUs, Long diskIops,
        Long diskBytesPerSec, Integer blkioWeight, Long netInboundKBps, Long netOutboundKBps,
        List<Long> cgroupVcpuQuotasUs, Long cgroupCpuShares, String cgroupVersion) {
}
