package com.virtpanel.account;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the acting user from Spring Security, for services that authorise per object. */
@Component
public class CurrentUser {

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

    /** The signed-in actor; a missing one is a programming error (routes and API are guarded). */
    public Actor require() {
        return find().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }

    /** The signed-in actor, or {@link Actor#SYSTEM} for background jobs. */
    public Actor orSystem() {
        return find().orElse(Actor.SYSTEM);
    }
}
