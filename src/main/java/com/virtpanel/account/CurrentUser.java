package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.security.SecondFactorPassed;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the acting user from Spring Security, for services that authorise per object. */
@Component
public class CurrentUser {

    private final AccountRepository accounts;

    CurrentUser(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The signed-in actor, or empty for anonymous requests and background jobs. */
    public Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken
                || !(auth.getPrincipal() instanceof PanelUser user)) {
            return Optional.empty();
        }
        Optional<ImpersonationGrant> grant = auth.getAuthorities().stream()
                .filter(ImpersonationGrant.class::isInstance)
                .map(ImpersonationGrant.class::cast)
                .findFirst();
        return Optional.of(new Actor(user.accountId(), user.email(), user.role(), grant));
    }

    /** Whether this sign-in proved a second factor (see {@link SecondFactorPassed}). */
    public boolean secondFactorPassed() {
        return SecondFactorPassed.in(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The signed-in actor; a missing one is a programming error (routes and API are guarded). */
    public Actor require() {
        return find().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }

    /**
     * The signed-in actor, if they may change things: not a read-only support visit, and the
     * account acted as is not suspended. Read from the database, not the session: a session
     * (or token) opened before the suspension must not keep working.
     */
    public Actor requireMayChange() {
        Actor actor = require();
        actor.requireMayChange();
        if (!actor.isStaff() && accounts.findById(actor.accountId())
                .map(a -> a.getStatus() == AccountStatus.SUSPENDED).orElse(true)) {
            throw new ForbiddenException(UserMessage.of("error.account.account-suspended-contact-support"));
        }
        return actor;
    }

    /** The signed-in actor, or {@link Actor#SYSTEM} for background jobs. */
    public Actor orSystem() {
        return find().orElse(Actor.SYSTEM);
    }
}
