package com.virtpanel.server;

import java.util.Set;

/**
 * Where an order's addresses come from: the address pools of the panel's network (the network
 * module implements it, so the pools stay the network module's objects while the order decides
 * under its own lock). Called inside the order's transaction, after the order guard is held.
 */
public interface AddressSource {

    /** The first IPv4 address the pools hand out that is not in {@code unavailable}, or null when none is left. */
    String freeIpv4(Set<String> unavailable);

    /** The first /64 number the pools hand out that is not in {@code unavailable}, or null when none is left. */
    Integer freeIpv6Net(Set<Integer> unavailable);
}
