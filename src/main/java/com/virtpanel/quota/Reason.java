package com.virtpanel.quota;

import com.virtpanel.base.UserMessage;

/** Why the panel wrote a limit to a guest. */
public enum Reason {
    /** The guest ran under other limits than the panel had written (virsh, libvirtd restart, host reboot). */
    DRIFT,
    PLAN_CHANGED,
    BURST_EXHAUSTED,
    BURST_RECOVERED,
    TRAFFIC_EXCEEDED,
    TRAFFIC_RESET;

    /** What people read, in their language: the bundles' {@code quota.reason.<NAME>}. */
    public UserMessage message() {
        return UserMessage.of("quota.reason." + name());
    }

    /** The English label, for logs. */
    public String label() {
        return message().english();
    }
}
