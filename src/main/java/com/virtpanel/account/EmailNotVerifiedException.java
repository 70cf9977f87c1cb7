package com.virtpanel.account;

import com.virtpanel.base.ForbiddenException;

/** The account has not confirmed its email address yet, and this needs it (ordering a server). */
public class EmailNotVerifiedException extends ForbiddenException {

    public EmailNotVerifiedException() {
        super("Confirm your email address first: open the link we mailed you (or have it sent again from the banner at the top).");
    }
}
