package com.virtpanel.host;

/** A guest's state as libvirt reports it, plus MISSING for "no such domain". */
public enum DomainState {
    RUNNING, BLOCKED, PAUSED, SHUTTING_DOWN, SHUT_OFF, CRASHED, SUSPENDED, NO_STATE, MISSING;

    /** True while a QEMU process exists for the guest. */
    public boolean isActive() {
        return this == RUNNING || this == BLOCKED || this == PAUSED || this == SHUTTING_DOWN || this == SUSPENDED;
    }
}
