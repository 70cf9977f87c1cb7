package com.virtpanel.account;

import java.time.Instant;

/** A token as listed on the account page: never the secret, only its first characters. */
public record ApiTokenInfo(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {
}
