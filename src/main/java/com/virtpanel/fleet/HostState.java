package com.virtpanel.fleet;

/**
 * What staff chose for a host. DOWN is never stored by the panel today: a host whose heartbeat
 * is too old is shown as down (see {@link FleetHost#shownState}); the value exists for the schema.
 */
public enum HostState {
    ACTIVE, MAINTENANCE, DRAINING, DOWN
}
