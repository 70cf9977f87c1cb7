package com.virtpanel.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out a browser session whose sign-in is older than the account's "signed out before"
 * (a password or second-factor change, "sign out everywhere" on another panel instance). Placed
 * before Spring's {@code ConcurrentSessionFilter}, which then ends a registered session the usual
 * way (sign-out handlers, back to the login page); an unregistered one is ended here.
 * During a support visit the session is the staff member's, so their account's mark counts.
 */
class StaleSessionFilter extends OncePerRequestFilter {

    private final SignOutMarks marks;
    private final TrackedSessionRegistry sessions;

    StaleSessionFilter(SignOutMarks marks, TrackedSessionRegistry sessions) {
        this.marks = marks;
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && signedIn(auth) && stale(session, person(auth))) {
            SessionInformation registered = sessions.getSessionInformation(session.getId());
            if (registered != null) {
                registered.expireNow();
            } else {
                new SecurityContextLogoutHandler().logout(request, response, auth);
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stale(HttpSession session, String person) {
        // A session not registered here (it should not happen) counts from its creation: never later than its sign-in.
        Instant signedIn = sessions.signedInAt(session.getId()).orElseGet(() -> Instant.ofEpochMilli(session.getCreationTime()));
        return marks.signedOutBefore(person).map(signedIn::isBefore).orElse(false);
    }

    private static boolean signedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** The person at the keyboard: during a visit, the staff member behind it. */
    private static String person(Authentication auth) {
        return auth.getAuthorities().stream().filter(SwitchUserGrantedAuthority.class::isInstance)
                .map(a -> ((SwitchUserGrantedAuthority) a).getSource().getName()).findFirst().orElse(auth.getName());
    }
}
