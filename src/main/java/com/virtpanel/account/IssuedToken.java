package com.virtpanel.account;

import java.time.Instant;

/** A freshly created token: the only moment the secret exists outside the client. */
public record IssuedToken(long id, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[" + id + ", expires " + expiresAt + "]";
    }
}
