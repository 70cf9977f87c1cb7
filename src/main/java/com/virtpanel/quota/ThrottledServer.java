package com.virtpanel.quota;

/** A server running under less than its plan, for the admin list and the customer's banner. */
public record ThrottledServer(long serverId, long accountId, String owner, String serverName, String domain,
        EffectiveLimits limits) {
}
