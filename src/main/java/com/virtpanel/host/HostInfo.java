package com.virtpanel.host;

/** The hypervisor the panel talks to, for the health check and the admin overview. */
public record HostInfo(String uri, String hostname, String hypervisor, String hypervisorVersion, String libvirtVersion,
        String virtType, int cpus, long memoryMib) {
}
