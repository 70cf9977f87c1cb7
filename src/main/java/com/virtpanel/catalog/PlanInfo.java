package com.virtpanel.catalog;

import com.virtpanel.base.Bytes;
import com.virtpanel.base.Translatable;
import com.virtpanel.base.UserMessage;
import java.text.NumberFormat;

/**
 * A plan as every other module sees it. {@code cpuCapPercent} is for the whole server,
 * 100 % being one full vCPU (so a 2-vCPU plan without a cap is 200 %).
 */
public record PlanInfo(long id, String name, String title, int vcpus, int memoryMib, int diskGib, int cpuCapPercent,
        int cpuShares, int diskIops, int diskMbps, int blkioWeight, int netMbps, int trafficGib,
        int throttledNetMbps, Integer burstBaselinePercent, int priceCents, String currency, boolean active,
        int backupSlots, int dedicatedVcpus) {

    /** A plan on shared cores. */
    public PlanInfo(long id, String name, String title, int vcpus, int memoryMib, int diskGib, int cpuCapPercent,
            int cpuShares, int diskIops, int diskMbps, int blkioWeight, int netMbps, int trafficGib,
            int throttledNetMbps, Integer burstBaselinePercent, int priceCents, String currency, boolean active,
            int backupSlots) {
        this(id, name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps, blkioWeight, netMbps,
                trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency, active, backupSlots, 0);
    }

    /** A plan with the default number of backup slots ({@link PlanDraft#DEFAULT_BACKUP_SLOTS}). */
    public PlanInfo(long id, String name, String title, int vcpus, int memoryMib, int diskGib, int cpuCapPercent,
            int cpuShares, int diskIops, int diskMbps, int blkioWeight, int netMbps, int trafficGib,
            int throttledNetMbps, Integer burstBaselinePercent, int priceCents, String currency, boolean active) {
        this(id, name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps, blkioWeight, netMbps,
                trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency, active, PlanDraft.DEFAULT_BACKUP_SLOTS);
    }

    /** Whether the plan's vCPUs run on host cores reserved for them alone. */
    public boolean dedicated() {
        return dedicatedVcpus > 0;
    }

    /** The monthly traffic allowance (received + sent) in bytes. */
    public long trafficBytes() {
        return trafficGib * Bytes.GIB;
    }

    public boolean bursts() {
        return burstBaselinePercent != null;
    }

        /** The monthly price in English ("EUR 5.00 / month"), for logs and tests; views show {@link #priceMessage()}. */
    public String price() {
        return priceMessage().english();
    }

    /** The monthly price, the amount written the reader's way ("EUR 5.00 / month", "EUR 5,00 / мес."). */
    public UserMessage priceMessage() {
        Translatable amount = language -> {
            NumberFormat format = NumberFormat.getNumberInstance(language);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return format.format(priceCents / 100.0);
        };
        return UserMessage.of("catalog.plan.price", currency, amount);
    }

    /** The size in English ("1 vCPU · 1 GiB RAM · 10 GiB disk"); views show {@link #summaryMessage()}. */
    public String summary() {
        return summaryMessage().english();
    }

    public UserMessage summaryMessage() {
        UserMessage memory = memoryMib >= 1024 && memoryMib % 1024 == 0
                ? UserMessage.of("catalog.plan.memory-gib", memoryMib / 1024) : UserMessage.of("catalog.plan.memory-mib", memoryMib);
        return UserMessage.of("catalog.plan.summary", vcpus, memory, diskGib);
    }
}
