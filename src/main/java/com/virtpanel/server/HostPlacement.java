package com.virtpanel.server;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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

    /** The same, among the hosts {@code allowed} only (a moving server: not its own host, or only the one staff chose). */
    Optional<String> choose(Demand wanted, Map<String, Demand> promised, Predicate<String> allowed);

    /**
     * Whether {@code host} has room for {@code more} on top of what it already promises: a plan
     * change grows a server where it is. Its state does not matter (maintenance only stops new
     * servers); an unknown host has no room.
     */
    boolean fits(String host, Demand more, Map<String, Demand> promised);

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

        public Demand minus(Demand other) {
            return plus(other.times(-1));
        }

        /** Whether any figure is above zero: a difference that asks for more of something. */
        public boolean grows() {
            return memoryMib > 0 || diskGib > 0 || vcpus > 0 || dedicatedVcpus > 0;
        }

        public Demand times(long count) {
            return new Demand(memoryMib * count, diskGib * count, (int) (vcpus * count), (int) (dedicatedVcpus * count));
        }
    }
}
