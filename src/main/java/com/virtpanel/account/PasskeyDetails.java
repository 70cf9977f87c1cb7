package com.virtpanel.account;

import java.time.Instant;

/** A passkey as the account page lists it; {@code id} is the credential id (Base64URL). */
public record PasskeyDetails(String id, String label, Instant createdAt, Instant lastUsedAt) {
}
