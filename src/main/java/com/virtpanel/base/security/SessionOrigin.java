package com.virtpanel.base.security;

import java.time.Instant;

/**
 * Where and how a browser session began, kept next to Spring's {@code SessionInformation} (which
 * knows only the principal and the last request) so the account page can tell sessions apart.
 *
 * @param handle          a random name for the session: the session id itself is the cookie's
 *                        secret and never leaves the server
 * @param startedAt       when the sign-in registered the session
 * @param address         the client address of that sign-in
 * @param userAgent       its User-Agent header, cut to {@link #MAX_USER_AGENT} characters
 * @param rememberMeSeries the remember-me login this session made or came from, or null: ending the
 *                        session must end it too, or the browser would sign straight back in
 */
public record SessionOrigin(String handle, Instant startedAt, String address, String userAgent,
        String rememberMeSeries) {

    static final int MAX_USER_AGENT = 300;

    SessionOrigin withRememberMeSeries(String series) {
        return new SessionOrigin(handle, startedAt, address, userAgent, series);
    }
}
