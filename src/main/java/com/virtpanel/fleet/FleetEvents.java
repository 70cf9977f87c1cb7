package com.virtpanel.fleet;

/** Staff changed a host's state, for the audit log. */
public final class FleetEvents {

    private FleetEvents() {
    }

    public record StateChanged(String host, HostState from, HostState to) {
    }
}
