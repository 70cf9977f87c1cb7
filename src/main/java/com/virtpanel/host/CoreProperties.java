package com.virtpanel.host;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.host.dedicated-cores: the host cores reserved for dedicated vCPUs, as a cpuset ("1",
 * "2-7"); empty (the default): none, and guests' CPU placement is left to the kernel as before.
 * With a reservation, every other core is shared: shared guests' vCPUs and every guest's
 * emulator threads run only there, so a dedicated vCPU has its core to itself.
 */
@ConfigurationProperties("panel.host")
public record CoreProperties(@DefaultValue("") String dedicatedCores) {

    /** The reserved cores; a malformed setting stops the panel at start rather than pinning guests wrongly. */
    public CpuSet dedicated() {
        return CpuSet.parse(dedicatedCores);
    }
}
