package com.virtpanel.server;

import com.virtpanel.host.CpuSet;

/**
 * Which reserved host cores a dedicated server holds. The server module asks, the fleet module
 * answers (it knows each host's reserved cores), like {@link HostPlacement}. A core is held by
 * one server at a time: the fleet's table has (host, core) as its key, so simultaneous orders
 * on any number of panel instances cannot both get it. A deleted server's cores are freed in
 * the transaction that marks it deleted. A server moving to another host holds cores on both
 * until it has arrived (or the move failed).
 */
public interface DedicatedCores {

    /**
     * Reserves {@code count} free reserved cores of {@code host} for the server; runs in the
     * order's transaction, so a refused order holds none.
     *
     * @throws com.virtpanel.base.CapacityException when the host has fewer free reserved cores
     */
    CpuSet reserve(String host, long serverId, int count);

    /** The cores the server holds on {@code host}, empty for a server on shared cores (or none there). */
    CpuSet of(String host, long serverId);

    /**
     * Frees the cores the server holds on any host but {@code host}, its own, when a move ends:
     * those of the host it left, or of the one a failed move never reached.
     */
    void keepOnlyOn(String host, long serverId);
}
