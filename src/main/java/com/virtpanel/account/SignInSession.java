package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import java.time.Instant;

/**
 * One way the account is signed in somewhere, as the account page lists it.
 *
 * @param id          opaque, for {@link SessionService#revoke}; never a session id or cookie
 * @param kind        an open browser session, a remembered browser with no open session, or an
 *                    hour-long API sign-in token
 * @param keptSignedIn a browser session that will sign itself in again ("Keep me signed in")
 * @param expiresAt   null for a browser session (it ends 8 hours after its last request)
 * @param address     the client address at sign-in, if known
  * @param clientText  "Firefox on Linux", or the token's first characters, in the reader's language
 * @param current     the session this page is shown in
 */
public record SignInSession(String id, Kind kind, boolean keptSignedIn, Instant startedAt, Instant lastSeenAt,
        Instant expiresAt, String address, UserMessage clientText, boolean current) {

    /** The client in English ("Firefox on Linux"). */
    public String client() {
        return clientText.english();
    }


    public enum Kind { BROWSER, REMEMBERED, API }
}
