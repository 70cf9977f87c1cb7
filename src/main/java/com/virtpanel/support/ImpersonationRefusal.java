package com.virtpanel.support;

import java.util.Arrays;
import java.util.Optional;

/** Why a request to act as a customer was refused; the code travels in the redirect back to the staff page. */
public enum ImpersonationRefusal {
    REASON_MISSING("reason", "Enter the reason for acting as this customer."),
    REASON_TOO_LONG("reason-length", "Keep the reason under " + ImpersonationFilter.MAX_REASON + " characters."),
    NOT_STAFF("not-staff", "Only support staff can act as a customer."),
    SECOND_FACTOR_MISSING("second-factor", "Set up two-factor authentication on your account page first."),
    ALREADY_ACTING("nested", "You are already acting as a customer. Exit first."),
    NOT_A_CUSTOMER("not-customer", "Only customers can be impersonated, never staff accounts."),
    UNKNOWN_ACCOUNT("unknown", "There is no such customer.");

    private final String code;
    private final String message;

    ImpersonationRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public static Optional<ImpersonationRefusal> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
