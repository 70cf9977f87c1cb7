package com.virtpanel.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.session.AbstractSessionEvent;
import org.springframework.security.core.session.SessionIdChangedEvent;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring's in-memory session registry, plus where each session began ({@link SessionOrigin}).
 * Form logins and remember-me logins both register here (through the session authentication
 * strategy), and {@code ConcurrentSessionFilter} signs out a session on its first request after
 * {@code expireNow()}.
 *
 * <p>Why the registry and not a table of sessions: the HTTP sessions themselves live in this
 * panel instance's memory (no Spring Session), so a session can only ever be used here, and the
 * registry already sees every sign-in, every request and every session end. A table would add a
 * write per request and still need each instance to poll it before it could end a session it holds.
 * Remember-me logins and API tokens, which outlive a session, are in the database.
 *
 * <p>Times use the system clock, like Spring's own {@code SessionInformation.getLastRequest()}.
 */
public class TrackedSessionRegistry extends SessionRegistryImpl {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SessionOrigin> origins = new ConcurrentHashMap<>();
    /** When each session's sign-in counts from, for the account's "signed out before" ({@link StaleSessionFilter}). */
    private final Map<String, Instant> signedInAt = new ConcurrentHashMap<>();

    /** Where this session began, if it is registered. */
    public Optional<SessionOrigin> origin(String sessionId) {
        return Optional.ofNullable(origins.get(sessionId));
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        super.registerNewSession(sessionId, principal);
        HttpServletRequest request = currentRequest();
        String address = request == null ? null : request.getRemoteAddr();
        String agent = request == null ? null : request.getHeader(HttpHeaders.USER_AGENT);
        if (agent != null && agent.length() > SessionOrigin.MAX_USER_AGENT) {
            agent = agent.substring(0, SessionOrigin.MAX_USER_AGENT);
        }
        // A remember-me login registers with the cookie it came with (or the one it just rotated).
        String series = request == null ? null : Optional.ofNullable((String) request.getAttribute(SERIES_ATTRIBUTE))
                .or(() -> RememberMe.series(request)).orElse(null);
        signedInAt.put(sessionId, Instant.now());
        byte[] handle = new byte[12];
        RANDOM.nextBytes(handle);
        origins.put(sessionId, new SessionOrigin(HexFormat.of().formatHex(handle), Instant.now(), address, agent, series));
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        super.removeSessionInformation(sessionId);
        origins.remove(sessionId);
        signedInAt.remove(sessionId);
    }

    /** When this registered session's sign-in counts from; empty for a session not registered here. */
    public Optional<Instant> signedInAt(String sessionId) {
        return Optional.ofNullable(signedInAt.get(sessionId));
    }

    /**
     * The session that ends all the account's other sessions (a password change, "sign out
     * everywhere") counts as signed in from that moment, so it is not ended with them.
     */
    public void signedInAgain(String sessionId, Instant at) {
        signedInAt.computeIfPresent(sessionId, (id, before) -> at);
    }

    /** A new session id (sign-in's fixation protection) keeps the origin of the old one. */
    @Override
    public void onApplicationEvent(AbstractSessionEvent event) {
        if (event instanceof SessionIdChangedEvent changed) {
            SessionOrigin origin = origins.get(changed.getOldSessionId());
            Instant since = signedInAt.get(changed.getOldSessionId());
            super.onApplicationEvent(event);
            if (origin != null && origins.containsKey(changed.getNewSessionId())) {
                origins.put(changed.getNewSessionId(), origin);
            }
            if (since != null && signedInAt.containsKey(changed.getNewSessionId())) {
                signedInAt.put(changed.getNewSessionId(), since);
            }
            return;
        }
        super.onApplicationEvent(event);
    }

    static final String SERIES_ATTRIBUTE = TrackedSessionRegistry.class.getName() + ".series";

    /** Called when a remember-me cookie is written: a form login with "Keep me signed in" links it now. */
    void rememberMeCookieSet(HttpServletRequest request, String series) {
        request.setAttribute(SERIES_ATTRIBUTE, series);
        HttpSession session = request.getSession(false);
        if (session != null) {
            origins.computeIfPresent(session.getId(), (id, origin) -> origin.withRememberMeSeries(series));
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
