package com.virtpanel.notify;

/**
 * The notices, each a mail template of the same name. Optional ones the customer may turn off
 * on the account page; the others concern the account itself and are always sent.
 */
public enum Notice {
    SERVER_READY("server-ready", "A server I ordered is ready", true),
    REINSTALL_DONE("reinstall-done", "A reinstall is done", true),
    TRAFFIC_NEARLY_USED("traffic-nearly-used", "80 % of a server's traffic allowance is used", true),
    TRAFFIC_USED_UP("traffic-used-up", "A server's traffic allowance is used up (its network is slowed down)", true),
    CPU_BURST_EXHAUSTED("cpu-burst-exhausted", "A server's CPU burst credits ran out", true),
    ACCOUNT_SUSPENDED("account-suspended", "My account was suspended", false),
    ACCOUNT_UNSUSPENDED("account-unsuspended", "My account was unsuspended", false),
    STAFF_VISIT("staff-visit", "Support staff acted in my account", false);

    private final String template;
    private final String label;
    private final boolean optional;

    Notice(String template, String label, boolean optional) {
        this.template = template;
        this.label = label;
        this.optional = optional;
    }

    public String template() {
        return template;
    }

    public String label() {
        return label;
    }

    public boolean optional() {
        return optional;
    }
}
