package com.virtpanel.support;

import com.virtpanel.account.Actor;
import com.virtpanel.account.ImpersonationGrant;
import com.virtpanel.account.PanelUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Both identities behind an audit row: the real person and the account they acted as. */
record Who(Identity actor, Identity effective, String reason, boolean readOnly) {

    record Identity(Long accountId, String email) {
    }

    static final Who SYSTEM = same(new Identity(null, Actor.SYSTEM.email()));
    static final Who ANONYMOUS = same(new Identity(null, "anonymous"));

    static Who same(Identity identity) {
        return new Who(identity, identity, null, false);
    }

    static Who of(Actor actor) {
        if (actor.isSystem()) {
            return SYSTEM;
        }
        Identity effective = new Identity(actor.accountId(), actor.email());
        return actor.impersonation()
                .map(g -> new Who(new Identity(g.staffAccountId(), g.staffEmail()), effective, g.reason(), g.readOnly()))
                .orElseGet(() -> same(effective));
    }

    /** The same reading as CurrentUser, for an authentication that is no longer the current one (sign-out). */
    static Optional<Who> of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof PanelUser user)) {
            return Optional.empty();
        }
        Optional<ImpersonationGrant> grant = authentication.getAuthorities().stream()
                .filter(ImpersonationGrant.class::isInstance).map(ImpersonationGrant.class::cast).findFirst();
        return Optional.of(of(new Actor(user.accountId(), user.email(), user.role(), grant)));
    }
}
