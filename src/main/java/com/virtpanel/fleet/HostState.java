package com.virtpanel.fleet;

/**
 * What staff chose for a host. DOWN is never stored by the panel: a host whose heartbeat is too
 * old or reports libvirt lost is shown as down over the chosen state (see {@link DownRule}); the
 * value exists for the schema.
 */
public enum HostState {
    ACTIVE, MAINTENANCE, DRAINING, DOWN
}
