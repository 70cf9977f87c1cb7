package com.virtpanel.server;

import java.time.Instant;

/**
 * A server's hold on addresses: the ones it has now, or — once deleted — the ones still
 * resting until the release cool-down has passed ({@code releasedAt} set).
 *
 * @param ipv6Net the /64's number in the panel network's IPv6 prefix, or null
 */
public record AddressHolding(long serverId, String serverName, String ipv4, Integer ipv6Net, Instant releasedAt) {

    public boolean resting() {
        return releasedAt != null;
    }
}
