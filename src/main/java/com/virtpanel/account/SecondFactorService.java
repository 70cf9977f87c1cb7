package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.security.SecondFactorPassed;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor authentication with an authenticator app (TOTP) and recovery codes: enrolment and
 * turning it off by the person themselves (never by staff acting as them), and the code check at
 * sign-in. Every change is published as {@link AccountEvents.SecondFactorChanged}.
 */
@Service
@Transactional
public class SecondFactorService {

    private final SecondFactorRepository factors;
    private final RecoveryCodeRepository recoveryCodes;
    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final PasswordEncoder encoder;
    private final SecondFactorProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PublicKeyCredentialUserEntityRepository passkeyUsers;
    private final UserCredentialRepository passkeys;

    SecondFactorService(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes, AccountRepository accounts,
            CurrentUser currentUser, PasswordEncoder encoder, SecondFactorProperties properties,
            ApplicationEventPublisher events, Clock clock, PublicKeyCredentialUserEntityRepository passkeyUsers,
            UserCredentialRepository passkeys) {
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.encoder = encoder;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.passkeyUsers = passkeyUsers;
        this.passkeys = passkeys;
    }

    @Transactional(readOnly = true)
    public SecondFactorStatus status() {
        Actor actor = currentUser.require();
        boolean enabled = isEnabled(actor.accountId());
        return new SecondFactorStatus(enabled, enabled ? recoveryCodes.countByAccountIdAndUsedAtIsNull(actor.accountId()) : 0,
                mustEnrol());
    }

    /** Whether signing in to this account needs a code. */
    @Transactional(readOnly = true)
    public boolean isEnabled(long accountId) {
        return factors.findById(accountId).map(SecondFactor::isConfirmed).orElse(false);
    }

    /**
     * Whether the signed-in person is staff who, under the required policy, has not proved a
     * second factor in this sign-in (a code, a passkey, or an app set up just now) while it still
     * stands: they reach only their account page, to set one up or to be told to use their passkey.
     */
    // Asked before every page: no transaction of its own (one cost about 0.5 ms for nothing), and
    // the factors are read only for staff whom the policy asks for one.
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean mustEnrol() {
        return currentUser.find().filter(actor -> !actor.isImpersonated() && properties.asksFactorOf(actor.role()))
                .map(actor -> !provenHere(actor)).orElse(false);
    }

    /**
     * Staff held back by {@link #mustEnrol()} although they have a passkey: they signed in with
     * the password alone and must sign in with the passkey instead (adding factors is closed to
     * such a sign-in, or a stolen password would be enough after all).
     */
    @Transactional(readOnly = true)
    public boolean mustUsePasskey() {
        return mustEnrol() && hasPasskey(currentUser.require().email());
    }

    /**
     * Refuses adding a second factor (an app or a passkey) in a sign-in that {@link #mustEnrol()}
     * holds back when the account already has one: the first factor may be set up with the
     * password alone, a further one only after proving the first.
     */
    @Transactional(readOnly = true)
    public void requireMayAddFactor() {
        var actor = currentUser.find().orElse(null);
        if (actor != null && mustEnrol() && (isEnabled(actor.accountId()) || hasPasskey(actor.email()))) {
            throw new ForbiddenException(UserMessage.of("error.account.signed-with-password-alone-sign"));
        }
    }

    private boolean provenHere(Actor actor) {
        return currentUser.secondFactorPassed() && (isEnabled(actor.accountId()) || hasPasskey(actor.email()));
    }

    private boolean hasPasskey(String email) {
        var user = passkeyUsers.findByUsername(email);
        return user != null && !passkeys.findByUserId(user.getId()).isEmpty();
    }

    /** The same rule for an account that is not signed in here (the API's token exchange). */
    @Transactional(readOnly = true)
    public boolean mustEnrol(long accountId, Role role) {
        return properties.mustEnrol(role, isEnabled(accountId));
    }

    /** Starts (or starts over) setting up an app: a new key, not in force until a code from it is confirmed. */
    public TotpEnrolment startEnrolment() {
        Actor actor = self();
        requireMayAddFactor();
        if (isEnabled(actor.accountId())) {
            throw new InvalidInputException("code", UserMessage.of("error.account.two-factor-authentication-already-turn"));
        }
        factors.findById(actor.accountId()).ifPresent(f -> {
            factors.delete(f);
            factors.flush();
        });
        String secret = Totp.newSecret();
        factors.save(new SecondFactor(actor.accountId(), secret, clock.instant()));
        return new TotpEnrolment(secret, Totp.uri(secret, actor.email()));
    }

    /** Turns two-factor authentication on with a code from the new app; returns the recovery codes, shown only now. */
    public List<String> confirmEnrolment(String code) {
        Actor actor = self();
        SecondFactor factor = factors.findById(actor.accountId()).filter(f -> !f.isConfirmed())
                .orElseThrow(() -> new InvalidInputException("code", UserMessage.of("error.account.start-set-up-first")));
        if (!factor.accept(code, clock.instant())) {
            throw new InvalidInputException("code", UserMessage.of("error.account.that-code-not-right-enter"));
        }
        factor.confirm(clock.instant());
        List<String> codes = RecoveryCodes.generate();
        recoveryCodes.deleteByAccount(actor.accountId());
        codes.forEach(c -> recoveryCodes.save(new RecoveryCode(actor.accountId(), RecoveryCodes.hash(c))));
        events.publishEvent(new AccountEvents.SecondFactorChanged(actor.accountId(), "totp-enabled"));
        markThisSignIn();
        return codes;
    }

    /** Turns it off; a current code, a recovery code or the password proves it is really them. */
    public void disable(String codeOrPassword) {
        Actor actor = self();
        SecondFactor factor = factors.findById(actor.accountId()).filter(SecondFactor::isConfirmed)
                .orElseThrow(() -> new InvalidInputException("code", UserMessage.of("error.account.two-factor-authentication-not")));
        Account account = accounts.findById(actor.accountId()).orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.account-not-found")));
        boolean proven = codeOrPassword != null && !codeOrPassword.isBlank()
                && (check(factor, codeOrPassword) || encoder.matches(codeOrPassword, account.getPasswordHash()));
        if (!proven) {
            throw new InvalidInputException("code", UserMessage.of("error.account.enter-current-code-from-app"));
        }
        factors.delete(factor);
        recoveryCodes.deleteByAccount(actor.accountId());
        events.publishEvent(new AccountEvents.SecondFactorChanged(actor.accountId(), "totp-disabled"));
    }

    /**
     * The sign-in check: a fresh code from the app, or a recovery code not used before (which is
     * used up by this). Throttling is the caller's, who knows the client address.
     */
    public boolean verifySignIn(long accountId, String code) {
        return factors.findById(accountId).filter(SecondFactor::isConfirmed).map(f -> check(f, code)).orElse(false);
    }

    private boolean check(SecondFactor factor, String input) {
        if (Totp.looksLikeCode(input)) {
            // saveAndFlush: the version check fails here, inside the sign-in, when a racing
            // sign-in used the same code first.
            boolean accepted = factor.accept(input, clock.instant());
            if (accepted) {
                factors.saveAndFlush(factor);
            }
            return accepted;
        }
        if (!RecoveryCodes.plausible(input)) {
            return false;
        }
        var code = recoveryCodes.findByAccountIdAndCodeHash(factor.accountId(), RecoveryCodes.hash(input))
                .filter(c -> !c.isUsed());
        code.ifPresent(c -> c.use(clock.instant()));
        return code.isPresent();
    }

    /**
     * The code just confirmed proves the app is in the person's hand: this sign-in counts as one
     * with a second factor from now on (staff set up under the required policy go on working).
     */
    private void markThisSignIn() {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() == null) {
            return;
        }
        context.setAuthentication(SecondFactorPassed.mark(context.getAuthentication()));
        CurrentRequest.get().map(r -> r.getSession(false)).ifPresent(session -> session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context));
    }

    /** Only the person themselves: staff acting as a customer cannot change the customer's sign-in. */
    private Actor self() {
        Actor actor = currentUser.requireMayChange();
        if (actor.isImpersonated()) {
            throw new ForbiddenException(UserMessage.of("error.account.support-cannot-change-customer-s"));
        }
        return actor;
    }
}
