package com.virtpanel.server;

import com.virtpanel.base.UserMessage;
import java.util.Map;

/**
 * What the caller may do to one server now, for views (enabled buttons, the reason as the
 * disabled button's tooltip) and the API. Computed by {@link ServerService#allowedActions}
 * from the same rules the actions enforce.
 */
public record AllowedActions(long serverId, Map<ServerAction, Allowance> actions) {

    /** @param reason why not, in words for the customer; null when allowed */
    public record Allowance(boolean allowed, UserMessage reason) {
    }

    public boolean allowed(ServerAction action) {
        return actions.get(action).allowed();
    }

    /** Why the action is not allowed, or null when it is. */
    public UserMessage reason(ServerAction action) {
        return actions.get(action).reason();
    }
}
