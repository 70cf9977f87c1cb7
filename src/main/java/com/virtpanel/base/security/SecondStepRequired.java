package com.virtpanel.base.security;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * Thrown by the password check when the password was right but the account has a second factor:
 * the login form's failure handler turns it into a {@link PendingSignIn} and sends the browser
 * to the code step. An exception rather than a half-authenticated token, so that nothing (no
 * session, no remember-me cookie, no view) treats the person as signed in before the code passed.
 */
public class SecondStepRequired extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String email;

    public SecondStepRequired(long accountId, String email) {
        super("a second factor is required");
        this.accountId = accountId;
        this.email = email;
    }

    public long accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }
}
