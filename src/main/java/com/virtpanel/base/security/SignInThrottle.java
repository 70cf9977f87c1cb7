package com.virtpanel.base.security;

import com.virtpanel.base.throttle.Backoff;
import com.virtpanel.base.throttle.FailureCounter;
import com.virtpanel.base.throttle.StoredBackoff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Growing delays for sign-ins (the login form and the API's token endpoint) per client address
 * and per account, and for sign-ups per client address and per email. Both failed-sign-in paths
 * publish Spring Security's bad-credentials event, which is how failures are counted here;
 * callers ask {@link #signInWait} before they check a password. A successful sign-in forgets the
 * account's failures (not the address's: a guesser could otherwise reset it with an account of
 * their own).
 */
@Component
public class SignInThrottle {

    private final FailureCounter accounts;
    private final FailureCounter addresses;
    private final FailureCounter signUps;

    /** Counts in this instance's memory: for unit tests. */
    SignInThrottle(SignInThrottleProperties p, Clock clock) {
        this.accounts = accountPolicy(p, clock);
        this.addresses = addressPolicy(p, clock);
        this.signUps = signUpPolicy(p, clock);
    }

    /**
     * Counts in the database, shared by every panel instance: a guesser gains nothing by spreading
     * attempts over instances behind a load balancer.
     */
    @Autowired
    SignInThrottle(SignInThrottleProperties p, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.accounts = new StoredBackoff("sign-in-account", accountPolicy(p, clock), clock, jdbc, transactions);
        this.addresses = new StoredBackoff("sign-in-address", addressPolicy(p, clock), clock, jdbc, transactions);
        this.signUps = new StoredBackoff("sign-up", signUpPolicy(p, clock), clock, jdbc, transactions);
    }

    private static Backoff accountPolicy(SignInThrottleProperties p, Clock clock) {
        return new Backoff(p.freePerAccount(), p.firstDelay(), p.maxDelay(), p.forgetAfter(), clock);
    }

    private static Backoff addressPolicy(SignInThrottleProperties p, Clock clock) {
        return new Backoff(p.freePerAddress(), p.firstDelay(), p.maxDelay(), p.forgetAfter(), clock);
    }

    private static Backoff signUpPolicy(SignInThrottleProperties p, Clock clock) {
        return new Backoff(p.freeSignUps(), p.firstDelay(), p.maxDelay(), p.forgetAfter(), clock);
    }

    /** Seconds before this address may try to sign in to this account again; 0 when it may now. */
    public long signInWait(String address, String email) {
        return Math.max(addresses.waitSeconds(addressKey(address)), accounts.waitSeconds(accountKey(email)));
    }

    public void signInFailed(String address, String email) {
        addresses.failed(addressKey(address));
        accounts.failed(accountKey(email));
    }

    public void signedIn(String email) {
        accounts.succeeded(accountKey(email));
    }

    /** Seconds before this address may try to sign up (with this email) again; 0 when it may now. */
    public long signUpWait(String address, String email) {
        return Math.max(signUps.waitSeconds(addressKey(address)), signUps.waitSeconds(accountKey(email)));
    }

    /** Every sign-up attempt counts, successful or not: accounts must not be created in bulk. */
    public void signUpAttempted(String address, String email) {
        signUps.failed(addressKey(address));
        signUps.failed(accountKey(email));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent e) {
        signInFailed(address(e.getAuthentication()), e.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent e) {
        if (!(e.getAuthentication() instanceof RememberMeAuthenticationToken)) {
            signedIn(e.getAuthentication().getName());
        }
    }

    private static String address(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }

    private static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }
}
