package com.virtpanel.server;

import java.util.Map;
import java.util.Optional;

/**
 * Chooses the host a new server goes to. The server module owns this question and the fleet
 * module answers it, so orders need not know hosts exist (server must not depend on fleet).
 * Called inside the order's transaction while it holds the order guard: the promised figures
 * cannot change until the order commits.
 */
public interface HostPlacement {

    /**
     * @param wanted   what the new server's plan needs
     * @param promised what the live servers' plans already promise, by host name
     * @return the chosen host, or empty when no host may take the server (full, maintenance, silent)
     */
    Optional<String> choose(Demand wanted, Map<String, Demand> promised);

    /**
     * Memory, disk and vCPUs: what a plan needs, or what a host's servers together promise.
     * {@code vcpus} are those on the shared cores, {@code dedicatedVcpus} those that need a
     * reserved core each.
     */
    record Demand(long memoryMib, long diskGib, int vcpus, int dedicatedVcpus) {

        public static final Demand NONE = new Demand(0, 0, 0, 0);

        /** Shared vCPUs only. */
        public Demand(long memoryMib, long diskGib, int vcpus) {
            this(memoryMib, diskGib, vcpus, 0);
        }

        public Demand plus(Demand other) {
            return new Demand(memoryMib + other.memoryMib, diskGib + other.diskGib, vcpus + other.vcpus,
                    dedicatedVcpus + other.dedicatedVcpus);
        }

        public Demand times(long count) {
            return new Demand(memoryMib * count, diskGib * count, (int) (vcpus * count), (int) (dedicatedVcpus * count));
        }
    }
}
