package com.virtpanel.account;

import java.time.Instant;

/**
 * What a presented API token is worth: the user it signs in, or why not. The API says the reason
 * (expired, revoked, unknown, suspended) so a client knows whether to sign in again or give up;
 * whoever presents a token already holds its secret, so the reason tells them nothing new.
 */
public sealed interface TokenCheck {

    record Valid(PanelUser user) implements TokenCheck {
    }

    record Refused(Reason reason, Instant expiredAt) implements TokenCheck {
    }

    enum Reason { UNKNOWN, EXPIRED, REVOKED, SUSPENDED }
}
