package com.virtpanel.console;

import java.time.Duration;
import java.time.Instant;

/**
 * Consoles opened and closed, for the audit log. Both identities are given: the account the
 * console acted as, and the person really at the keyboard (staff during an impersonation).
 * Published inside a transaction, so transactional listeners hear them after commit.
 */
public final class ConsoleEvents {

    private ConsoleEvents() {
    }

    /**
     * @param consoleId     ties an Opened to its Closed
     * @param ownerAccountId the server's owner
     * @param remoteAddress where the browser (or API client) connected from
     */
    public record Opened(String consoleId, long serverId, long ownerAccountId, long accountId, String email,
            long realAccountId, String realEmail, String remoteAddress, Instant openedAt) {

        public boolean impersonated() {
            return accountId != realAccountId;
        }
    }

    /**
     * @param reason why it ended: "closed" (by the user), "server stopped", "server deleted or
     *               reinstalled", "access ended" (suspension, end of an impersonation), "panel restarting",
     *               "console error"
     */
    public record Closed(String consoleId, long serverId, long ownerAccountId, long accountId, String email,
            long realAccountId, String realEmail, String remoteAddress, Instant openedAt, Instant closedAt,
            Duration duration, String reason) {

        public boolean impersonated() {
            return accountId != realAccountId;
        }
    }
}
