package com.virtpanel.network;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Compares what PowerDNS serves with the panel's rows: delivers pending changes and removals
 * (PowerDNS was down), and puts back a record that was changed or deleted in PowerDNS by hand
 * (logged and audited). Records the panel has no row for are left alone: an operator may keep
 * names of their own in the zones.
 */
@Component
class ReverseDnsReconciler {

    private static final Logger log = LoggerFactory.getLogger(ReverseDnsReconciler.class);

    private final ReverseDnsRepository rows;
    private final ReverseZones zones;
    private final PowerDns powerDns;
    private final ReverseDnsDelivery delivery;
    private final DnsProperties config;
    private final ApplicationEventPublisher events;

    ReverseDnsReconciler(ReverseDnsRepository rows, ReverseZones zones, PowerDns powerDns, ReverseDnsDelivery delivery,
            DnsProperties config, ApplicationEventPublisher events) {
        this.rows = rows;
        this.zones = zones;
        this.powerDns = powerDns;
        this.delivery = delivery;
        this.config = config;
        this.events = events;
    }

    /** One pass; PowerDNS being down ends it early (the next pass tries again). Returns the records put back. */
    int pass() {
        if (!config.enabled()) {
            return 0;
        }
        int repaired = 0;
        try {
            zones.recheck();
            zones.ensureAll();
            Map<String, String> served = new HashMap<>();
            for (String zone : zones.all()) {
                served.putAll(powerDns.ptrs(zone));
            }
            for (ReverseDns row : rows.findAll()) {
                try {
                    repaired += reconcile(row, served.get(ReverseNames.ptrOwner(row.getAddress())));
                } catch (IllegalArgumentException outsideZones) { // the network was renumbered since
                    log.warn("PTR of {} not reconciled: {}", row.getAddress(), outsideZones.getMessage());
                }
            }
        } catch (PowerDns.Unavailable e) {
            log.warn("Reverse DNS not reconciled this time: {}", e.getMessage());
        }
        return repaired;
    }

    /** Brings one row's record to PowerDNS when it is pending or differs there; 1 when that was a repair. */
    private int reconcile(ReverseDns row, String found) {
        String wanted = row.getPtr() + ".";
        if (row.getState() != ReverseDns.State.SERVED) {
            delivery.deliver(row.getAddress());
            return 0;
        }
        if (wanted.equals(found)) {
            return 0;
        }
        log.warn("PowerDNS served {} for {} instead of {}: put back", found, row.getAddress(), wanted);
        delivery.deliver(row.getAddress());
        events.publishEvent(new ReverseDnsEvents.Repaired(row.getAccountId(), row.getServerId(), row.getAddress(),
                found == null ? "" : found, row.getPtr()));
        return 1;
    }
}
