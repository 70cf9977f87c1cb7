package com.virtpanel.console;

import com.virtpanel.account.Actor;
import java.util.Optional;

/**
 * What a WebSocket upgrade brings to redeem a ticket.
 *
 * @param requestedSessionId the session id the browser sent (its cookie), or null
 * @param sessionActor       who is signed in on that session, if anyone
 * @param bearerToken        an API token from the Authorization header, for API tickets
 */
record Presented(String ticket, long serverId, String requestedSessionId, Optional<Actor> sessionActor,
        String bearerToken, String remoteAddress) {

    @Override
    public String toString() {
        return "Presented[server=" + serverId + ", from=" + remoteAddress + "]";
    }
}
