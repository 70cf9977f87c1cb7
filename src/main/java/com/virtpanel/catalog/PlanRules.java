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
        range("vcpus", d.vcpus(), 1, 64);
        range("memoryMib", d.memoryMib(), 128, 1024 * 1024);
        range("diskGib", d.diskGib(), 1, 16384);
        range("cpuCapPercent", d.cpuCapPercent(), 1, 100 * d.vcpus());
        range("cpuShares", d.cpuShares(), 2, 262144);
        range("diskIops", d.diskIops(), 10, 1_000_000);
        range("diskMbps", d.diskMbps(), 1, 100_000);
        range("blkioWeight", d.blkioWeight(), 100, 1000);
        range("netMbps", d.netMbps(), 1, 100_000);
        range("trafficGib", d.trafficGib(), 1, 10_000_000);
        range("throttledNetMbps", d.throttledNetMbps(), 1, d.netMbps());
        if (d.burstBaselinePercent() != null) {
            range("burstBaselinePercent", d.burstBaselinePercent(), 1, d.cpuCapPercent() - 1);
        }
        range("priceCents", d.priceCents(), 0, 100_000_000);
        range("backupSlots", d.backupSlots(), 0, 30);
        if (d.dedicatedVcpus() != 0 && d.dedicatedVcpus() != d.vcpus()) {
            // a server either owns cores for all its vCPUs or shares them all: half-pinned guests are neither
            throw new InvalidInputException("dedicatedVcpus", UserMessage.of("error.catalog.dedicated-vcpus-all-or-none", d.vcpus()));
        }
        if (d.currency() == null || !d.currency().matches("^[A-Z]{3}$")) {
            throw new InvalidInputException("currency", UserMessage.of("error.catalog.currency-three-letter-code-such"));
        }
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, UserMessage.of("error.catalog.plan-value-range", UserMessage.of("catalog.plan-field." + field), min, max));
        }
    }
}
