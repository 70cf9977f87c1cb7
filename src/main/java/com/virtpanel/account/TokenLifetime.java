package com.virtpanel.account;

import com.virtpanel.base.UserMessage;
import java.time.Duration;

/**
 * How long a personal access token made on the account page works. 90 days unless chosen
 * otherwise. "No expiry" stays possible, with a warning: tokens drive unattended scripts, and a
 * hard cap would push people to scripts that mint tokens with their password, which is worse.
 * An unexpiring token still ends when revoked or when the password changes, and its last use is shown.
 */
public enum TokenLifetime {
    DAYS_30(Duration.ofDays(30)),
    DAYS_90(Duration.ofDays(90)),
    DAYS_365(Duration.ofDays(365)),
    NO_EXPIRY(null);

    public static final TokenLifetime DEFAULT = DAYS_90;

    private final Duration duration;

    TokenLifetime(Duration duration) {
        this.duration = duration;
    }

    /** What people read, in their language: the bundles' {@code account.token-lifetime.<NAME>}. */
    public UserMessage message() {
        return UserMessage.of("account.token-lifetime." + name());
    }

    /** The lifetime, or null for a token that works until it is revoked. */
    public Duration duration() {
        return duration;
    }
}
