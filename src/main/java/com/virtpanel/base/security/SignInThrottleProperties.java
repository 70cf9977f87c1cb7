package com.virtpanel.base.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and sign-up throttling ({@code panel.sign-in.*}), for the login form, the sign-up view
 * and the API's token and account endpoints alike.
 *
 * @param freePerAccount  failed sign-ins per account before delays start
 * @param freePerAddress  failed sign-ins per client address before delays start (offices share one)
 * @param freeSignUps     sign-up attempts per client address before delays start (a script or an
 *                        office signing many customers up at once stays within it; bulk creation does not)
 * @param firstDelay      the first delay; each further failure doubles it
 * @param maxDelay        the longest delay: a key is slowed down, never locked out
 * @param forgetAfter     failures are forgotten this long after the last one
 */
@ConfigurationProperties("panel.sign-in")
public record SignInThrottleProperties(@DefaultValue("5") int freePerAccount, @DefaultValue("20") int freePerAddress,
        @DefaultValue("30") int freeSignUps, @DefaultValue("2s") Duration firstDelay, @DefaultValue("5m") Duration maxDelay,
        @DefaultValue("30m") Duration forgetAfter) {
}
