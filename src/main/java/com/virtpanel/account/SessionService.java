package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.security.RememberMe;
import com.virtpanel.base.security.SessionOrigin;
import com.virtpanel.base.security.TrackedSessionRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's sign-ins the user controls: open browser sessions (this panel instance's), remembered
 * browsers and the API's hour-long sign-in tokens. Personal access tokens are listed and revoked
 * with the API tokens ({@link ApiTokenService}); a password or second-factor change ends them too.
 *
 * <p>Support visits are sessions of the staff member, not of the customer: they are not listed and
 * nothing here ends them. During a visit the list can be seen but nothing can be ended.
 */
@Service
@Transactional
public class SessionService {

    private static final String BROWSER = "browser:";
    private static final String REMEMBERED = "remembered:";
    private static final String TOKEN = "token:";

    private final TrackedSessionRegistry registry;
    private final RememberedLogins remembered;
    private final ApiTokenService tokens;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SignOutMarksStore marks;

    SessionService(TrackedSessionRegistry registry, RememberedLogins remembered, ApiTokenService tokens,
            CurrentUser currentUser, Clock clock, SignOutMarksStore marks) {
        this.registry = registry;
        this.remembered = remembered;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.clock = clock;
        this.marks = marks;
    }

    /** The signed-in account's sessions, this one first, then the most recently seen. */
    @Transactional(readOnly = true)
    public List<SignInSession> mine() {
        Actor actor = currentUser.require();
        Instant now = clock.instant();
        String here = CurrentRequest.sessionId().orElse(null);
        String hereSeries = currentSeries(here).orElse(null);
        List<RememberedLogins.Remembered> logins = remembered.of(actor.email(), now);
        Set<String> liveSeries = logins.stream().map(RememberedLogins.Remembered::series).collect(Collectors.toSet());
        List<SignInSession> rows = new ArrayList<>();
        Set<String> seriesWithSession = new HashSet<>();
        for (SessionInformation session : browserSessions(actor.accountId())) {
            Optional<SessionOrigin> origin = registry.origin(session.getSessionId());
            String series = origin.map(SessionOrigin::rememberMeSeries).filter(liveSeries::contains).orElse(null);
            if (series != null) {
                seriesWithSession.add(series);
            }
            rows.add(new SignInSession(BROWSER + origin.map(SessionOrigin::handle).orElse("?"), SignInSession.Kind.BROWSER,
                    series != null, origin.map(SessionOrigin::startedAt).orElse(null), session.getLastRequest().toInstant(),
                    null, origin.map(SessionOrigin::address).orElse(null),
                    UserAgents.described(origin.map(SessionOrigin::userAgent).orElse(null)), session.getSessionId().equals(here)));
        }
        for (RememberedLogins.Remembered login : logins) {
            if (!seriesWithSession.contains(login.series())) {
                rows.add(new SignInSession(REMEMBERED + login.handle(), SignInSession.Kind.REMEMBERED, true,
                        login.startedAt(), login.lastUsedAt(), login.expiresAt(), null, UserMessage.of("account.client.remembered"),
                        login.series().equals(hereSeries)));
            }
        }
        for (ApiTokenInfo token : tokens.mySessionTokens()) {
            rows.add(new SignInSession(TOKEN + token.id(), SignInSession.Kind.API, false, token.createdAt(),
                    token.lastUsedAt(), token.expiresAt(), null, UserMessage.of("account.client.api-sign-in", token.prefix()), false));
        }
        rows.sort(Comparator.comparing(SignInSession::current).reversed()
                .thenComparing(SignInSession::lastSeenAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return rows;
    }

    /** False during a support visit: staff may look at a customer's sessions but not end them. */
    @Transactional(readOnly = true)
    public boolean mayEnd() {
        return !currentUser.require().isImpersonated();
    }

    /** Ends one session: its browser is signed out on its next request (and not signed back in). */
    public void revoke(String id) {
        Actor actor = requireOwner();
        if (id != null && id.startsWith(BROWSER)) {
            String handle = id.substring(BROWSER.length());
            SessionInformation session = browserSessions(actor.accountId()).stream()
                    .filter(s -> registry.origin(s.getSessionId()).map(o -> o.handle().equals(handle)).orElse(false))
                    .findFirst().orElseThrow(() -> new NotFoundException(UserMessage.of("error.account.that-session-has-already-ended")));
            if (CurrentRequest.sessionId().filter(session.getSessionId()::equals).isPresent()) {
                throw new InvalidInputException("session", UserMessage.of("error.account.session-are-using-sign-out"));
            }
            end(actor, session);
        } else if (id != null && id.startsWith(REMEMBERED)) {
            String handle = id.substring(REMEMBERED.length());
            RememberedLogins.Remembered login = remembered.of(actor.email(), clock.instant()).stream()
                    .filter(r -> r.handle().equals(handle)).findFirst()
                    .orElseThrow(() -> new NotFoundException(UserMessage.of("error.account.that-session-has-already-ended")));
            remembered.forget(actor.email(), login.series());
        } else if (id != null && id.startsWith(TOKEN) && id.substring(TOKEN.length()).matches("\\d{1,18}")) {
            tokens.revoke(Long.parseLong(id.substring(TOKEN.length())));
        } else {
            throw new NotFoundException(UserMessage.of("error.account.that-session-has-already-ended"));
        }
    }

    /**
     * Ends every other browser session, every other remembered browser and every API sign-in token;
     * this session (and its "keep me signed in") stays. Personal access tokens are kept: they are
     * for scripts, and are revoked one by one (or all, with a new password).
     *
     * @return how many sessions ended
     */
    public int signOutEverywhereElse() {
        Actor actor = requireOwner();
        String here = CurrentRequest.sessionId().orElse(null);
        String hereSeries = currentSeries(here).orElse(null);
        int ended = 0;
        for (SessionInformation session : browserSessions(actor.accountId())) {
            if (!session.getSessionId().equals(here)) {
                end(actor, session);
                ended++;
            }
        }
        for (RememberedLogins.Remembered login : remembered.of(actor.email(), clock.instant())) {
            if (!login.series().equals(hereSeries)) {
                remembered.forget(actor.email(), login.series());
                ended++;
            }
        }
        // Sessions held by other panel instances end on their next request there.
        marks.signOutAllBefore(actor.accountId());
        return ended + tokens.revokeAll(actor.accountId(), ApiToken.Kind.SESSION);
    }

    /**
     * After a password or second-factor change: every browser session but the current one, every
     * remembered browser and every token of both kinds. Runs in the change's transaction, so the
     * change does not commit if the tokens cannot be revoked.
     */
    void endAllButCurrent(long accountId, String email) {
        String here = CurrentRequest.sessionId().orElse(null);
        browserSessions(accountId).stream().filter(s -> !s.getSessionId().equals(here))
                .forEach(SessionInformation::expireNow);
        remembered.forgetAll(email);
        tokens.revokeAll(accountId, ApiToken.Kind.PERSONAL, ApiToken.Kind.SESSION);
    }

    private Actor requireOwner() {
        Actor actor = currentUser.requireMayChange();
        if (actor.isImpersonated()) {
            throw new ForbiddenException(UserMessage.of("error.account.support-cannot-end-customer-s"));
        }
        return actor;
    }

    private void end(Actor actor, SessionInformation session) {
        session.expireNow();
        registry.origin(session.getSessionId()).map(SessionOrigin::rememberMeSeries).filter(Objects::nonNull)
                .ifPresent(series -> remembered.forget(actor.email(), series));
    }

    /** The account's open browser sessions; impersonation sessions are registered to the staff member. */
    private List<SessionInformation> browserSessions(long accountId) {
        return registry.getAllPrincipals().stream()
                .filter(p -> p instanceof PanelUser user && user.accountId() == accountId)
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .toList();
    }

    /** The remember-me login of this browser: the one its session was opened with, else its cookie's. */
    private Optional<String> currentSeries(String sessionId) {
        return Optional.ofNullable(sessionId).flatMap(registry::origin).map(SessionOrigin::rememberMeSeries)
                .or(() -> CurrentRequest.get().flatMap(RememberMe::series));
    }
}
