package com.virtpanel.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;

/**
 * Database-backed remember-me whose sign-out forgets the person at the keyboard. Spring's own
 * removes the tokens of whoever the session is authenticated as: during a support visit that
 * is the customer, whose devices would all be signed out while the staff member's stayed valid.
 */
class VisitAwareRememberMe extends PersistentTokenBasedRememberMeServices {

    VisitAwareRememberMe(String key, UserDetailsService users, PersistentTokenRepository tokens) {
        super(key, users, tokens);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        super.logout(request, response, realUser(authentication));
    }

    /** Issues the remember-me cookie for a sign-in that finished outside the login form (after its code step). */
    void remember(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        onLoginSuccess(request, response, authentication);
    }

    /** The staff member behind a switched (impersonating) authentication, else the authentication itself. */
    static Authentication realUser(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        return authentication.getAuthorities().stream()
                .filter(SwitchUserGrantedAuthority.class::isInstance)
                .map(a -> ((SwitchUserGrantedAuthority) a).getSource())
                .findFirst().orElse(authentication);
    }
}
