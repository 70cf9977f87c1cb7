package com.virtpanel.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST API ({@code panel.api.*}).
 *
 * @param maxBody   request bodies above this size are refused with 413 before they are parsed
 * @param rateLimit token buckets: per client IP on the sign-up and login endpoints (and for
 *                  presented tokens that do not authenticate), per token on every other call
 */
@ConfigurationProperties("panel.api")
record ApiProperties(@DefaultValue("64KB") DataSize maxBody, @DefaultValue RateLimit rateLimit) {

    /**
     * The open endpoints' allowance lets a script (or an office behind one address) sign ten
     * customers up and in at once; password guessing is slowed further per account
     * ({@code SignInThrottle}'s growing delays). A token's allowance lets a client watch ten
     * servers twice a second while it works (30 calls a second, bursts of 300), and stops a loop
     * that calls without pause.
     */
    record RateLimit(@DefaultValue("30") int authBurst, @DefaultValue("20") int authPerMinute,
            @DefaultValue("300") int tokenBurst, @DefaultValue("1800") int tokenPerMinute) {
    }
}
