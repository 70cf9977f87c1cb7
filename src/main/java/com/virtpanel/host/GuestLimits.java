package com.virtpanel.host;

import org.springframework.stereotype.Service;

/**
 * Applies limits to a guest without a reboot (live and in its persistent definition) and
 * reads back what the kernel enforces. Implemented with libvirt-java and our JNA bindings.
 */
@Service
public class GuestLimits {

    /** Applies every limit in {@code limits} to the running guest and its stored definition. */
    public void apply(String domain, LimitSpec limits) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** What libvirt and the cgroup files say right now. */
    public LiveLimits read(String domain) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
