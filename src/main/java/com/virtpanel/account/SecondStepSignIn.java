package com.virtpanel.account;

import com.virtpanel.base.security.PendingSignIn;
import com.virtpanel.base.security.SignInCompletion;
import com.virtpanel.base.security.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

/**
 * The code step of the login form (after a right password, see {@link PasswordThenSecondFactor}).
 * A wrong code is a failed sign-in like a wrong password: the same throttle holds back the next
 * try, per address and per account, and the same audit sees it.
 */
@Service
public class SecondStepSignIn {

    public sealed interface Outcome {
        /** Signed in; go to {@code next}. */
        record SignedIn(String next) implements Outcome {
        }

        record Wrong() implements Outcome {
        }

        record Wait(long seconds) implements Outcome {
        }

        /** No password step under way (or it is too old): start at the login page. */
        record Expired() implements Outcome {
        }
    }

    private final SecondFactorService secondFactors;
    private final PanelUserDetailsService users;
    private final SignInThrottle throttle;
    private final AuthenticationEventPublisher authEvents;
    private final SignInCompletion completion;
    private final Clock clock;

    SecondStepSignIn(SecondFactorService secondFactors, PanelUserDetailsService users, SignInThrottle throttle,
            AuthenticationEventPublisher authEvents, SignInCompletion completion, Clock clock) {
        this.secondFactors = secondFactors;
        this.users = users;
        this.throttle = throttle;
        this.authEvents = authEvents;
        this.completion = completion;
        this.clock = clock;
    }

    /** The email whose code is awaited in this browser session, if any. */
    public Optional<String> awaiting(HttpServletRequest request) {
        return PendingSignIn.in(request.getSession(false), clock.instant()).map(PendingSignIn::email);
    }

    public Outcome submit(HttpServletRequest request, HttpServletResponse response, String code) {
        var pending = PendingSignIn.in(request.getSession(false), clock.instant()).orElse(null);
        if (pending == null) {
            return new Outcome.Expired();
        }
        long wait = throttle.signInWait(request.getRemoteAddr(), pending.email());
        if (wait > 0) {
            return new Outcome.Wait(wait);
        }
        if (!passes(pending.accountId(), code)) {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(pending.email(), null);
            attempt.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), null));
            authEvents.publishAuthenticationFailure(new BadCredentialsException("wrong second factor"), attempt);
            return new Outcome.Wrong();
        }
        PanelUser user = users.loadUserByUsername(pending.email());
        if (!user.isAccountNonLocked() || user.accountId() != pending.accountId()) {
            PendingSignIn.forget(request.getSession(false));
            return new Outcome.Expired();
        }
        return new Outcome.SignedIn(completion.complete(request, response, pending.rememberMe(), user));
    }

    private boolean passes(long accountId, String code) {
        try {
            return secondFactors.verifySignIn(accountId, code);
        } catch (OptimisticLockingFailureException raced) {
            return false; // the same code was just accepted for another sign-in
        }
    }
}
