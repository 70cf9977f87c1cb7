package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ForbiddenException;

/** The account has not confirmed its email address yet, and this needs it (ordering a server). */
public class EmailNotVerifiedException extends ForbiddenException {

    public EmailNotVerifiedException() {
        super(com.virtpanel.base.UserMessage.of("error.account.email-not-verified"));
    }
}
