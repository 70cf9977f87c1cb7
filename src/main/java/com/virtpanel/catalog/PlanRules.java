package com.virtpanel.catalog;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import java.util.regex.Pattern;

/** Bounds an admin cannot leave when defining a plan: each one protects the host or the customer. */
final class PlanRules {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

    private PlanRules() {
    }

    static void check(PlanDraft d) {
        if (d.name() == null || !NAME.matcher(d.name()).matches()) {
            throw new InvalidInputException("name", UserMessage.of("error.catalog.plan-name-lower-case-letters"));
        }
        if (d.title() == null || d.title().isBlank() || d.title().length() > 100) {
            throw new InvalidInputException("title", UserMessage.of("error.catalog.give-plan-title-up-100"));
        }
        range("vcpus", d.vcpus(), 1, 64, "vCPUs");
        range("memoryMib", d.memoryMib(), 128, 1024 * 1024, "Memory (MiB)");
        range("diskGib", d.diskGib(), 1, 16384, "Disk (GiB)");
        range("cpuCapPercent", d.cpuCapPercent(), 1, 100 * d.vcpus(), "CPU cap (%)");
        range("cpuShares", d.cpuShares(), 2, 262144, "CPU shares");
        range("diskIops", d.diskIops(), 10, 1_000_000, "Disk IOPS");
        range("diskMbps", d.diskMbps(), 1, 100_000, "Disk MB/s");
        range("blkioWeight", d.blkioWeight(), 100, 1000, "Disk weight");
        range("netMbps", d.netMbps(), 1, 100_000, "Network Mbit/s");
        range("trafficGib", d.trafficGib(), 1, 10_000_000, "Traffic (GiB)");
        range("throttledNetMbps", d.throttledNetMbps(), 1, d.netMbps(), "Throttled rate (Mbit/s)");
        if (d.burstBaselinePercent() != null) {
            range("burstBaselinePercent", d.burstBaselinePercent(), 1, d.cpuCapPercent() - 1, "Burst baseline (%)");
        }
        range("priceCents", d.priceCents(), 0, 100_000_000, "Price (cents)");
        if (d.currency() == null || !d.currency().matches("^[A-Z]{3}$")) {
            throw new InvalidInputException("currency", UserMessage.of("error.catalog.currency-three-letter-code-such"));
        }
    }

    private static void range(String field, int value, int min, int max, String label) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, label + " must be between " + min + " and " + max + ".");
        }
    }
}
