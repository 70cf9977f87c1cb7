package com.virtpanel.host;

/**
 * Published when libvirt reports that a guest started, stopped, crashed, was paused or
 * resumed, so the panel's status follows the guest without polling.
 */
public record GuestLifecycle(String domain, Change change) {

    public enum Change { STARTED, STOPPED, SHUTDOWN, CRASHED, SUSPENDED, RESUMED, DEFINED, UNDEFINED, OTHER }
}
