package com.virtpanel.network;

import org.springframework.context.ApplicationContext;

/** Reaches the reverse DNS internals a test needs: a reconcile pass now, a record changed in PowerDNS behind the panel's back. */
public final class ReverseDnsProbe {

    private final ApplicationContext context;

    public ReverseDnsProbe(ApplicationContext context) {
        this.context = context;
    }

    /** One reconcile pass; the records it put back. */
    public int reconcile() {
        return context.getBean(ReverseDnsReconciler.class).pass();
    }

    /** What an operator editing PowerDNS directly would do. */
    public void changeByHand(String address, String target) {
        String zone = context.getBean(ReverseZones.class).ensuredZoneOf(address);
        context.getBean(PowerDns.class).replacePtr(zone, ReverseNames.ptrOwner(address), target);
    }
}
