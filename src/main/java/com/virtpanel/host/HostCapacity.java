package com.virtpanel.host;

/**
 * What the host has left. Memory is the host's total and free RAM; storage is the pool's.
 * The server module compares these with what is already promised to guests.
 */
public record HostCapacity(int cpus, long totalMemoryMib, long freeMemoryMib, StorageCapacity storage,
        int runningGuests, int definedGuests) {
}
