package com.virtpanel.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/**
 * Finishes a sign-in whose second factor has passed (a code after the password, or a passkey): does what the login form does on success
 * (security context in the session, the session registered for "end my other sessions", the
 * remember-me cookie if it was asked for, the success events that audit and the throttle read)
 * and says where to go next: the page first asked for, else the start page.
 */
@Component
public class SignInCompletion {

    private final SessionRegistry sessions;
    private final VisitAwareRememberMe rememberMe;
    private final ApplicationEventPublisher events;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SignInCompletion(SessionRegistry sessions, VisitAwareRememberMe rememberMe, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.rememberMe = rememberMe;
        this.events = events;
    }

    public String complete(HttpServletRequest request, HttpServletResponse response, boolean remember, UserDetails user) {
        // Both ways here (a code after the password, a passkey) proved a second factor.
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, SecondFactorPassed.with(user.getAuthorities()));
        auth.setDetails(new WebAuthenticationDetails(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        PendingSignIn.forget(request.getSession(false));
        sessions.registerNewSession(request.getSession().getId(), user);
        if (remember) {
            rememberMe.remember(request, response, auth);
        }
        events.publishEvent(new AuthenticationSuccessEvent(auth));
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(auth, SignInCompletion.class));
        var saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
    }
}
