package com.virtpanel.network;

/** Address pools added or changed by staff, for the audit log. */
public final class PoolEvents {

    private PoolEvents() {
    }

    public record Added(long poolId, int family, String network, String cidr, String reserved) {
    }

    public record Changed(long poolId, int family, String network, String cidr, String reserved) {
    }
}
