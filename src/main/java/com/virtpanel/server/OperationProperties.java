package com.virtpanel.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.operations.*: how server operations treat the guest.
 *
 * @param shutdownTimeout  how long a guest may take to shut down (ACPI) before an offline change
 *                         (password, SSH key, plan) pulls the plug
 */
@ConfigurationProperties("panel.operations")
record OperationProperties(@DefaultValue("60s") Duration shutdownTimeout) {
}
