package com.virtpanel.quota;

/** Why the panel wrote a limit to a guest. */
public enum Reason {
    /** The guest ran under other limits than the panel had written (virsh, libvirtd restart, host reboot). */
    DRIFT("Drift repaired"),
    PLAN_CHANGED("Plan changed"),
    BURST_EXHAUSTED("Burst credits used up"),
    BURST_RECOVERED("Burst credits recovered"),
    TRAFFIC_EXCEEDED("Traffic allowance used up"),
    TRAFFIC_RESET("New traffic period");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
