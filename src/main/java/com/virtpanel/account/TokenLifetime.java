package com.virtpanel.account;

import java.time.Duration;

/**
 * How long a personal access token made on the account page works. 90 days unless chosen
 * otherwise. "No expiry" stays possible, with a warning: tokens drive unattended scripts, and a
 * hard cap would push people to scripts that mint tokens with their password, which is worse.
 * An unexpiring token still ends when revoked or when the password changes, and its last use is shown.
 */
public enum TokenLifetime {
    DAYS_30("30 days", Duration.ofDays(30)),
    DAYS_90("90 days", Duration.ofDays(90)),
    DAYS_365("1 year", Duration.ofDays(365)),
    NO_EXPIRY("No expiry", null);

    public static final TokenLifetime DEFAULT = DAYS_90;

    private final String label;
    private final Duration duration;

    TokenLifetime(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    /** The lifetime, or null for a token that works until it is revoked. */
    public Duration duration() {
        return duration;
    }
}
