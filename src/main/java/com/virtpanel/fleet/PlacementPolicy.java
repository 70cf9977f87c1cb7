package com.virtpanel.fleet;

import com.virtpanel.server.HostPlacement.Demand;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Which host takes a new server: pure, so it is tested without a database. Only active hosts
 * whose heartbeat is fresh, with room for the plan's memory, disk and vCPUs within their limits
 * (overcommit and reserve already applied). Spread takes the least loaded, pack the most loaded
 * that still fits; load is the largest share of memory, disk or vCPUs promised after the order.
 * Dedicated vCPUs need a free reserved core each; shared vCPUs count against the other cores.
 * Ties go to the name, so the choice is the same on every panel instance.
 */
final class PlacementPolicy {

    enum Mode { SPREAD, PACK }

    /** A host as placement sees it: the limits are what may be promised in total. */
    record Candidate(String name, HostState state, Instant lastHeartbeat, long memoryLimitMib, long diskLimitGib,
            int vcpuLimit, int dedicatedCores) {

        /** A host without reserved cores. */
        Candidate(String name, HostState state, Instant lastHeartbeat, long memoryLimitMib, long diskLimitGib, int vcpuLimit) {
            this(name, state, lastHeartbeat, memoryLimitMib, diskLimitGib, vcpuLimit, 0);
        }
    }

    private PlacementPolicy() {
    }

    static Optional<String> choose(Mode mode, Collection<Candidate> hosts, Map<String, Demand> promised, Demand wanted,
            Instant freshSince) {
        Comparator<Choice> byLoad = Comparator.comparingDouble(Choice::load);
        Comparator<Choice> order = (mode == Mode.PACK ? byLoad.reversed() : byLoad).thenComparing(c -> c.host().name());
        return hosts.stream()
                .filter(h -> h.state() == HostState.ACTIVE && !h.lastHeartbeat().isBefore(freshSince))
                .map(h -> new Choice(h, promised.getOrDefault(h.name(), Demand.NONE).plus(wanted)))
                .filter(Choice::fits)
                .min(order)
                .map(c -> c.host().name());
    }

    /** Whether {@code after}, all the host would then promise, stays within its limits. */
    static boolean fits(Candidate host, Demand after) {
        return after.memoryMib() <= host.memoryLimitMib() && after.diskGib() <= host.diskLimitGib()
                && after.vcpus() <= host.vcpuLimit() && after.dedicatedVcpus() <= host.dedicatedCores();
    }

    private record Choice(Candidate host, Demand after) {

        boolean fits() {
            return PlacementPolicy.fits(host, after);
        }

        double load() {
            double load = Math.max(share(after.memoryMib(), host.memoryLimitMib()),
                    Math.max(share(after.diskGib(), host.diskLimitGib()), share(after.vcpus(), host.vcpuLimit())));
            // only where cores are reserved: a host without any must not look full because of them
            return host.dedicatedCores() > 0 ? Math.max(load, share(after.dedicatedVcpus(), host.dedicatedCores())) : load;
        }

        private static double share(long used, long limit) {
            return limit <= 0 ? 1.0 : (double) used / limit;
        }
    }
}
