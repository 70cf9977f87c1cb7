package com.virtpanel.host;

import java.util.List;

/**
 * A guest's static network settings, handed to it in the cloud-init seed.
 *
 * @param ipv6Cidr  the guest's IPv6 address with its /64 (e.g. "fd76:a82:0:1::1/64"), or null
 * @param gateway6  the host's address on the bridge's link, outside the guest's /64 (reached on-link)
 */
public record GuestNetwork(String mac, String addressCidr, String gateway, List<String> dns, String ipv6Cidr,
        String gateway6) {

    public GuestNetwork(String mac, String addressCidr, String gateway, List<String> dns) {
        this(mac, addressCidr, gateway, dns, null, null);
    }
}
