package com.virtpanel.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.capacity.*: how much of the host may be promised to guests.
 *
 * @param memoryOvercommit  plan memory may add up to this multiple of the host's RAM (1.0: none)
 * @param memoryReserveMib  RAM kept back for the host itself
 * @param diskOvercommit    plan disk sizes may add up to this multiple of the pool (disks are thin)
 * @param cpuOvercommit     plan vCPUs may add up to this multiple of the host's CPUs (placement checks it). Generous
 *                          by default: vCPUs are time-shared and each plan's CPU cap bounds what one takes
 */
@ConfigurationProperties("panel.capacity")
public record CapacityProperties(@DefaultValue("1.0") double memoryOvercommit,
                          @DefaultValue("1024") long memoryReserveMib,
                          @DefaultValue("4.0") double diskOvercommit,
                          @DefaultValue("16.0") double cpuOvercommit) {
}
