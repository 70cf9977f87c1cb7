package com.virtpanel.support;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.PanelUser;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sign-ins, failed sign-ins and sign-outs, from Spring Security's own events. Only interactive
 * kinds of authentication are recorded (password, remember-me); token authentication of API
 * calls happens on every request and would bury everything else. Failed sign-ins are folded
 * per account and window ({@link FailedSignIns}): a guessing run writes a first row and one
 * summary, not a row per guess.
 */
@Component
class SecurityAudit {

    private static final Logger log = LoggerFactory.getLogger(SecurityAudit.class);

    private final AuditTrail trail;
    private final AccountService accounts;
    private final FailedSignIns failures;
    private final ScheduledExecutorService summaries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "failed-sign-in-summaries");
        t.setDaemon(true);
        return t;
    });

    SecurityAudit(AuditTrail trail, AccountService accounts, Clock clock) {
        this.trail = trail;
        this.accounts = accounts;
        this.failures = new FailedSignIns(clock);
        summaries.scheduleWithFixedDelay(this::summarise, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        summaries.shutdownNow();
    }

    /** Writes a summary row for each window of failed sign-ins that has closed. */
    void summarise() {
        for (FailedSignIns.Summary s : failures.closed()) {
            try {
                trail.record(Who.same(new Who.Identity(null, s.email())), AuditAction.LOGIN_FAILED, s.accountId(), null,
                        s.email(), s.detail(), s.addresses().isEmpty() ? null : s.addresses().get(0));
            } catch (RuntimeException e) {
                log.warn("Could not write the summary of {} failed sign-ins for {}", s.more(), s.email(), e);
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuthenticationSuccessEvent e) {
        Authentication auth = e.getAuthentication();
        if (!(auth.getPrincipal() instanceof PanelUser user)) {
            return;
        }
        String how;
        if (auth instanceof RememberMeAuthenticationToken) {
            how = "remember-me";
        } else if (auth instanceof UsernamePasswordAuthenticationToken) {
            how = "password";
        } else {
            return;
        }
        Who who = Who.same(new Who.Identity(user.accountId(), user.email()));
        trail.record(who, AuditAction.LOGIN, user.accountId(), null, user.email(), how, address(auth));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AbstractAuthenticationFailureEvent e) {
        Authentication attempt = e.getAuthentication();
        String email = attempt.getName() == null ? "" : attempt.getName().trim();
        Long accountId = email.isEmpty() ? null : accounts.findByEmail(email).map(AccountSummary::id).orElse(null);
        if (!failures.count(email, accountId, address(attempt))) {
            return; // counted into the window's summary
        }
        trail.record(Who.same(new Who.Identity(null, email)), AuditAction.LOGIN_FAILED, accountId, null, email,
                why(e.getException()), address(attempt));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(LogoutSuccessEvent e) {
        // Signing out while acting as a customer ends the visit (ImpersonationSessionEnd): that row says it.
        Who.of(e.getAuthentication()).filter(who -> who.reason() == null).ifPresent(who ->
                trail.record(who, AuditAction.LOGOUT, who.effective().accountId(), null, null, null, ClientAddress.current()));
    }

    private static String why(AuthenticationException e) {
        if (e instanceof LockedException) {
            return "account suspended";
        }
        if (e instanceof org.springframework.security.authentication.BadCredentialsException) {
            return "wrong email or password";
        }
        return e.getClass().getSimpleName();
    }

    private static String address(Authentication auth) {
        if (auth.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return ClientAddress.current();
    }
}
