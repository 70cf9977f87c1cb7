package com.virtpanel.fleet;

/** What a heartbeat writes: the host's capacity from libvirt and the overcommit this panel applies. */
record HostReport(long memoryMib, long diskGib, int vcpus, double cpuOvercommit, double memoryOvercommit,
        long memoryReserveMib, double diskOvercommit, String managementAddress) {
}
