package com.virtpanel.console;

import java.time.Instant;

/**
 * Permission to open one server's console once. The secret is shown only here; the panel
 * keeps its hash.
 *
 * @param ticket    at least 256 random bits, URL-safe
 * @param path      where to open the WebSocket (it speaks RFB); it carries the ticket
 * @param expiresAt the WebSocket must be opened before this instant
 */
public record ConsoleTicket(String ticket, String path, Instant expiresAt) {

    /** Never print the secret, not even in debug logs. */
    @Override
    public String toString() {
        return "ConsoleTicket[path=" + path.replaceFirst("ticket=.*", "ticket=…") + ", expiresAt=" + expiresAt + "]";
    }
}
