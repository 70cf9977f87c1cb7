package com.virtpanel.base.security;

import java.time.Instant;
import java.util.Optional;

/**
 * When an account's browser sessions were last all signed out ("signed out before"), on every
 * panel instance: kept by the account module, read by {@link StaleSessionFilter} on requests.
 */
public interface SignOutMarks {

    /** The instant before which the person's sessions are over; empty when there is none. */
    Optional<Instant> signedOutBefore(String username);
}
