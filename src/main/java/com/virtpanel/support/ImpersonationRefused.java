package com.virtpanel.support;

import org.springframework.security.core.AuthenticationException;

/** An AuthenticationException, so that SwitchUserFilter hands it to the failure handler. */
class ImpersonationRefused extends AuthenticationException {

    private final ImpersonationRefusal refusal;

    ImpersonationRefused(ImpersonationRefusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    ImpersonationRefusal refusal() {
        return refusal;
    }
}
