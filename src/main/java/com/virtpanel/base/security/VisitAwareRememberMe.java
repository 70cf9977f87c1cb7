package com.virtpanel.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;

/**
 * Database-backed remember-me ("Keep me signed in") whose sign-out forgets this browser only.
 * Spring's own forgets every remembered browser of whoever the session is authenticated as: during
 * a support visit that is the customer, and it also runs when a revoked session makes its next
 * request, so ending one session would have ended the user's other remembered browsers too. Other
 * browsers are ended on purpose, from the account page's session list.
 *
 * <p>Only customers are kept signed in: a staff sign-in reaches every customer's servers, so it
 * lasts no longer than its session, whatever the login form asked for.
 */
class VisitAwareRememberMe extends PersistentTokenBasedRememberMeServices {

    /** Role authorities of staff (base cannot see the account module's Role enum). */
    private static final Set<String> STAFF = Set.of("ROLE_SUPPORT", "ROLE_ADMIN");

    private final RememberMeTokens tokens;
    private final TrackedSessionRegistry sessions;

    VisitAwareRememberMe(String key, UserDetailsService users, RememberMeTokens tokens, TrackedSessionRegistry sessions) {
        super(key, users, tokens);
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!isStaff(authentication)) {
            super.onLoginSuccess(request, response, authentication);
        }
    }

    /** Issues the remember-me cookie for a sign-in that finished outside the login form (after its code step). */
    void remember(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        onLoginSuccess(request, response, authentication);
    }

    /** Every written cookie (new or rotated) is linked to the session, so ending the session can end it too. */
    @Override
    protected void setCookie(String[] tokens, int maxAge, HttpServletRequest request, HttpServletResponse response) {
        super.setCookie(tokens, maxAge, request, response);
        sessions.rememberMeCookieSet(request, tokens[0]);
    }

    /** Forgets the remember-me login of this browser (its cookie's series), and no other. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        cancelCookie(request, response);
        RememberMe.series(request).ifPresent(tokens::removeSeries);
    }

    static boolean isStaff(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }
}
