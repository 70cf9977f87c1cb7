package com.virtpanel.network;

/**
 * An admin's pool as typed. {@code family} and {@code network} are read on creation only; a
 * change keeps them. A blank gateway means the network's first address.
 */
public record PoolDraft(Integer family, String network, String cidr, String gateway, String reserved) {

    /** A change of range, gateway and reserved ranges (family and network stay). */
    public static PoolDraft change(String cidr, String gateway, String reserved) {
        return new PoolDraft(null, null, cidr, gateway, reserved);
    }
}
