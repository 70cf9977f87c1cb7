package com.virtpanel.fleet;

/** Host state changes, for the audit log: the ones staff make, and a host going down and coming back. */
public final class FleetEvents {

    private FleetEvents() {
    }

    public record StateChanged(String host, HostState from, HostState to) {
    }

    /** Published once per outage by {@link DownWatch}, not at every pass. */
    public record HostWentDown(String host, HostDown.Reason reason, String detail) {
    }

    /** The host answers again: its servers take actions again, nobody had to do anything. */
    public record HostCameBack(String host) {
    }
}
