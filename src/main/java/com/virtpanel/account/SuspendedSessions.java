package com.virtpanel.account;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A suspended customer is signed out everywhere: their open browser sessions end on their next
 * request and their remember-me logins are forgotten (API tokens stop working on their own:
 * they authenticate only active accounts). The session registry is per panel instance.
 */
@Component
class SuspendedSessions {

    private final SessionRegistry sessions;
    private final PersistentTokenRepository rememberMe;

    SuspendedSessions(SessionRegistry sessions, PersistentTokenRepository rememberMe) {
        this.sessions = sessions;
        this.rememberMe = rememberMe;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountEvents.Suspended event) {
        endSessionsOf(event.accountId(), event.email());
    }

    void endSessionsOf(long accountId, String email) {
        sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof PanelUser user && user.accountId() == accountId)
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .forEach(SessionInformation::expireNow);
        rememberMe.removeUserTokens(email);
    }
}
