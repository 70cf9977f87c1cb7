package com.virtpanel.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.operations.*: how server operations treat the guest.
 *
 * @param shutdownTimeout  how long a guest may take to shut down (ACPI) before an offline change
 *                         (password, SSH key, plan) pulls the plug
 * @param maxParallel      how many operations may use the host at once; the others wait in line
 *                         ("queued"). 0: as many as the host has cores, at least 2
 * @param queuePoll        how often a queued operation looks for a free slot in case nobody woke it
 * @param migrationTimeout how long a live migration may copy before it is stopped (the guest stays where it was)
 */
@ConfigurationProperties("panel.operations")
record OperationProperties(@DefaultValue("60s") Duration shutdownTimeout, @DefaultValue("0") int maxParallel,
        @DefaultValue("3s") Duration queuePoll, @DefaultValue("30m") Duration migrationTimeout) {

    int slots() {
        return maxParallel > 0 ? maxParallel : Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
