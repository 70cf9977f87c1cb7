package com.virtpanel.support;

/**
 * The switch-user endpoints and their form fields. Both are plain form POSTs (with Spring's CSRF
 * token) so that the browser loads the whole panel afresh as the other identity.
 */
public final class Impersonation {

    /** POST username (the customer's email), reason, readOnly ("true" or "false"; when absent, read-only for support, not for admins). */
    public static final String SWITCH_PATH = "/impersonate";
    /** POST: back to the staff identity. */
    public static final String EXIT_PATH = "/impersonate/exit";

    public static final String USERNAME = "username";
    public static final String REASON = "reason";
    public static final String READ_ONLY = "readOnly";

    /** The staff page that starts impersonations; refusals come back to it as ?refused=code. */
    public static final String STAFF_ROUTE = "support/customers";
    public static final String REFUSED_PARAMETER = "refused";
    /** Where the browser lands as the customer. */
    public static final String CUSTOMER_LANDING = "/servers";

    private Impersonation() {
    }
}
