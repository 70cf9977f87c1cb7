package com.virtpanel.base.security;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in whose password was right and whose second factor is still to come. It lives in the
 * HTTP session beside (not in) the security context: until the code passes the visitor is
 * anonymous, so every view and endpoint that needs a signed-in user stays closed.
 */
public record PendingSignIn(long accountId, String email, boolean rememberMe, Instant since) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Long enough to open the app and type a code; after that the password is asked again. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    static final String ATTRIBUTE = PendingSignIn.class.getName();

    public static Optional<PendingSignIn> in(HttpSession session, Instant now) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        if (now.isAfter(pending.since().plus(LIFETIME))) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    public static void forget(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    void store(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }
}
