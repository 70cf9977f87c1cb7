package com.virtpanel.host;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** /actuator/health "libvirt": UP with the hypervisor's name and version, DOWN with the reason. */
@Component("libvirt")
class HypervisorHealthIndicator implements HealthIndicator {

    private final HostOverview host;

    HypervisorHealthIndicator(HostOverview host) {
        this.host = host;
    }

    @Override
    public Health health() {
        try {
            HostInfo info = host.info();
            return Health.up()
                    .withDetail("uri", info.uri())
                    .withDetail("hypervisor", info.hypervisor())
                    .withDetail("version", info.hypervisorVersion())
                    .withDetail("libvirt", info.libvirtVersion())
                    .withDetail("virtType", info.virtType())
                    .build();
        } catch (HostException e) {
            return Health.down().withDetail("error", e.getMessage()).withDetail("detail", String.valueOf(e.detail())).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.toString()).build();
        }
    }
}
