package com.virtpanel.account;

/** What a person may do. Staff (support, admin) see every customer's servers. */
public enum Role {
    CUSTOMER, SUPPORT, ADMIN;

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    /** Spring Security authority name, e.g. ROLE_ADMIN. */
    public String authority() {
        return "ROLE_" + name();
    }
}
