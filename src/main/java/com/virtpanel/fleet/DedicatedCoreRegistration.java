package com.virtpanel.fleet;

import com.virtpanel.host.CpuSet;
import com.virtpanel.host.GuestPinning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes this host's reserved cores (panel.host.dedicated-cores) into its hosts row at start,
 * after {@link Heartbeat} registered the row: placement and core allocation read them from
 * there, on every panel instance. A setting only changes with a restart, so once is enough.
 */
@Component
class DedicatedCoreRegistration {

    private static final Logger log = LoggerFactory.getLogger(DedicatedCoreRegistration.class);

    private final FleetHostRepository hosts;
    private final Heartbeat heartbeat;
    private final GuestPinning pinning;
    private final TransactionTemplate tx;

    DedicatedCoreRegistration(FleetHostRepository hosts, Heartbeat heartbeat, GuestPinning pinning, TransactionTemplate tx) {
        this.hosts = hosts;
        this.heartbeat = heartbeat;
        this.pinning = pinning;
        this.tx = tx;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void register() {
        CpuSet reserved = pinning.reservedCores();
        tx.executeWithoutResult(t -> hosts.lockByName(heartbeat.localName()).ifPresent(h -> {
            if (!h.getDedicatedCpuset().equals(reserved.toString())) {
                log.info("Host {}: cores reserved for dedicated vCPUs now {} (were {})", h.getName(),
                        reserved.isEmpty() ? "none" : reserved, h.getDedicatedCpuset().isEmpty() ? "none" : h.getDedicatedCpuset());
            }
            h.reserveCores(reserved);
        }));
    }
}
