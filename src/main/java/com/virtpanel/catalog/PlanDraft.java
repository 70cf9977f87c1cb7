package com.virtpanel.catalog;

/**
 * The editable fields of a plan, as an admin enters them.
 *
 * @param backupSlots    how many daily scheduled backups servers of the plan keep (0: none are made)
 * @param dedicatedVcpus 0: the vCPUs share the host's shared cores; otherwise equal to {@code vcpus}, each vCPU
 *                       pinned to a host core reserved for it alone
 */
public record PlanDraft(String name, String title, int vcpus, int memoryMib, int diskGib, int cpuCapPercent,
        int cpuShares, int diskIops, int diskMbps, int blkioWeight, int netMbps, int trafficGib,
        int throttledNetMbps, Integer burstBaselinePercent, int priceCents, String currency, int backupSlots,
        int dedicatedVcpus) {

    /** A plan on shared cores. */
    public PlanDraft(String name, String title, int vcpus, int memoryMib, int diskGib, int cpuCapPercent,
            int cpuShares, int diskIops, int diskMbps, int blkioWeight, int netMbps, int trafficGib,
            int throttledNetMbps, Integer burstBaselinePercent, int priceCents, String currency, int backupSlots) {
        this(name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps, blkioWeight, netMbps,
                trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency, backupSlots, 0);
    }

    /** Scheduled backups a plan keeps when its author does not say. */
    public static final int DEFAULT_BACKUP_SLOTS = 7;

    /** A plan with the default number of backup slots. */
    public PlanDraft(String name, String title, int vcpus, int memoryMib, int diskGib, int cpuCapPercent,
            int cpuShares, int diskIops, int diskMbps, int blkioWeight, int netMbps, int trafficGib,
            int throttledNetMbps, Integer burstBaselinePercent, int priceCents, String currency) {
        this(name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps, blkioWeight, netMbps,
                trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency, DEFAULT_BACKUP_SLOTS);
    }

    public static PlanDraft of(PlanInfo p) {
        return new PlanDraft(p.name(), p.title(), p.vcpus(), p.memoryMib(), p.diskGib(), p.cpuCapPercent(),
                p.cpuShares(), p.diskIops(), p.diskMbps(), p.blkioWeight(), p.netMbps(), p.trafficGib(),
                p.throttledNetMbps(), p.burstBaselinePercent(), p.priceCents(), p.currency(), p.backupSlots(), p.dedicatedVcpus());
    }

    /** The same plan keeping {@code slots} scheduled backups. */
    public PlanDraft withBackupSlots(int slots) {
        return new PlanDraft(name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps, blkioWeight,
                netMbps, trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency, slots, dedicatedVcpus);
    }

    /** The same plan with {@code count} dedicated vCPUs (0: shared). */
    public PlanDraft withDedicatedVcpus(int count) {
        return new PlanDraft(name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps, blkioWeight,
                netMbps, trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency, backupSlots, count);
    }
}
