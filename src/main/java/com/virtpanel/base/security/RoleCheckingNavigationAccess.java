package com.virtpanel.base.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Vaadin's navigation access control (the views' {@code @PermitAll}, {@code @RolesAllowed}), with
 * the roles read from the signed-in authentication directly. Vaadin's own role check looks its
 * role-prefix holder up through its {@code Lookup} on every navigation, and that lookup is not one
 * Vaadin caches: each navigation scanned every jar's {@code META-INF/services} under that jar's
 * lock. With 200 customers arriving at once the scans queued behind each other (JFR: navigations
 * blocked for seconds in {@code JarFile.getEntry}, the processors mostly idle). The panel's roles
 * carry Spring's default prefix ({@code ROLE_ADMIN}), as Vaadin's check assumes too.
 */
final class RoleCheckingNavigationAccess extends SpringNavigationAccessControl {

    private static final String ROLE_PREFIX = "ROLE_";

    RoleCheckingNavigationAccess(Collection<NavigationAccessChecker> checkers, AccessCheckDecisionResolver resolver) {
        super(checkers, resolver);
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        Set<String> authorities = authorities(authentication(request));
        return role -> role != null && authorities.contains(role.startsWith(ROLE_PREFIX) ? role : ROLE_PREFIX + role);
    }

    /** The security context's; over push, where the context may be empty, the request's principal. */
    private static Authentication authentication(VaadinRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null && request != null && request.getUserPrincipal() instanceof Authentication principal) {
            return principal;
        }
        return auth;
    }

    private static Set<String> authorities(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Set.of();
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
    }
}
