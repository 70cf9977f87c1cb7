package com.virtpanel.host;

/** The storage pool's size, in bytes: capacity, allocated, available. */
public record StorageCapacity(long capacityBytes, long allocationBytes, long availableBytes) {
}
