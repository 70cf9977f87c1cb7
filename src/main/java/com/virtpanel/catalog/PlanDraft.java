package com.virtpanel.catalog;

/** The editable fields of a plan, as an admin enters them. */
public record PlanDraft(String name, String title, int vcpus, int memoryMib, int diskGib, int cpuCapPercent,
        int cpuShares, int diskIops, int diskMbps, int blkioWeight, int netMbps, int trafficGib,
        int throttledNetMbps, Integer burstBaselinePercent, int priceCents, String currency) {

    public static PlanDraft of(PlanInfo p) {
        return new PlanDraft(p.name(), p.title(), p.vcpus(), p.memoryMib(), p.diskGib(), p.cpuCapPercent(),
                p.cpuShares(), p.diskIops(), p.diskMbps(), p.blkioWeight(), p.netMbps(), p.trafficGib(),
                p.throttledNetMbps(), p.burstBaselinePercent(), p.priceCents(), p.currency());
    }
}
