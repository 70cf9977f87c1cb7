package com.virtpanel.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code panel.security.staff-2fa}: {@code required} (the default) keeps support and admin
 * accounts on their account page until they have set up a second factor; {@code optional}
 * leaves it to them, as it is for customers.
 */
@ConfigurationProperties("panel.security")
record SecondFactorProperties(StaffPolicy staff2fa) {

    enum StaffPolicy { REQUIRED, OPTIONAL }

    SecondFactorProperties {
        staff2fa = staff2fa == null ? StaffPolicy.REQUIRED : staff2fa;
    }

    /** The rule on its own, so that it can be read (and tested) at once. */
    boolean mustEnrol(Role role, boolean hasSecondFactor) {
        return asksFactorOf(role) && !hasSecondFactor;
    }

    /** Whether the policy asks this role for a second factor at all (customers: never). */
    boolean asksFactorOf(Role role) {
        return staff2fa == StaffPolicy.REQUIRED && role.isStaff();
    }
}
