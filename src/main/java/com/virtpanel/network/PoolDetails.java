package com.virtpanel.network;

import java.time.Instant;
import java.util.List;

/**
 * A pool as staff see it: its range and counts of the units it hands out (IPv4 addresses, or
 * IPv6 /64s) — {@code size} = {@code used} + {@code coolingDown} + {@code free} — and who holds which.
 */
public record PoolDetails(long id, int family, String network, String cidr, String gateway, String reserved,
        long size, long used, long coolingDown, long free, Instant createdAt, List<Holder> holders) {

    /** A server's address in the pool; {@code resting} when the server is deleted and the cool-down still runs. */
    public record Holder(String address, long serverId, String serverName, boolean resting) {
    }
}
