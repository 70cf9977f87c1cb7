package com.virtpanel.fleet;

import java.time.Instant;

/**
 * A host for staff: the state shown (DOWN when silent or without libvirt), capacity, what live
 * servers' plans promise on it and how many live servers it has.
 *
 * @param down why the host is down; null when it is not
 */
public record HostDetails(String name, HostState state, HostState chosenState, String managementAddress, long memoryMib,
        long diskGib, int vcpus, long usedMemoryMib, long usedDiskGib, int usedVcpus, long servers, Instant lastHeartbeat,
        HostDown down) {
}
