package com.virtpanel.catalog;

import com.virtpanel.base.Bytes;
import java.util.Locale;

/**
 * A plan as every other module sees it. {@code cpuCapPercent} is for the whole server,
 * 100 % being one full vCPU (so a 2-vCPU plan without a cap is 200 %).
 */
public record PlanInfo(long id, String name, String title, int vcpus, int memoryMib, int diskGib, int cpuCapPercent,
        int cpuShares, int diskIops, int diskMbps, int blkioWeight, int netMbps, int trafficGib,
        int throttledNetMbps, Integer burstBaselinePercent, int priceCents, String currency, boolean active) {

    /** The monthly traffic allowance (received + sent) in bytes. */
    public long trafficBytes() {
        return trafficGib * Bytes.GIB;
    }

    public boolean bursts() {
        return burstBaselinePercent != null;
    }

    public String price() {
        return String.format(Locale.ROOT, "%s %d.%02d / month", currency, priceCents / 100, priceCents % 100);
    }

    public String summary() {
        String memory = memoryMib >= 1024 && memoryMib % 1024 == 0 ? (memoryMib / 1024) + " GiB" : memoryMib + " MiB";
        return vcpus + " vCPU · " + memory + " RAM · " + diskGib + " GiB disk";
    }
}
