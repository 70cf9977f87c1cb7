package com.virtpanel.support;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.PanelUser;
import java.util.Optional;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** An HTTP session as the login form leaves it, for MockMvc requests through the real filter chains. */
final class SignedIn {

    private SignedIn() {
    }

    static MockHttpSession session(AccountSummary account) {
        var user = new PanelUser(account.id(), account.email(), "", account.role(), true);
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        return session;
    }

    static Authentication authentication(MockHttpSession session) {
        var context = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context.getAuthentication();
    }

    /** Runs code as the session's current identity, as a Vaadin request in that session would. */
    static <T> T as(MockHttpSession session, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication(session)));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static Optional<com.virtpanel.account.ImpersonationGrant> grant(MockHttpSession session) {
        return authentication(session).getAuthorities().stream()
                .filter(com.virtpanel.account.ImpersonationGrant.class::isInstance)
                .map(com.virtpanel.account.ImpersonationGrant.class::cast).findFirst();
    }
}
