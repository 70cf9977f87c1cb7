package com.virtpanel.network;

/** What happened to PTR records, for the audit log. */
public final class ReverseDnsEvents {

    private ReverseDnsEvents() {
    }

    /** A customer (or staff acting for them) set the PTR of an address. */
    public record Changed(long accountId, long serverId, String address, String ptr) {
    }

    /** PowerDNS served something else for the address (changed by hand) and the panel's record was put back. */
    public record Repaired(long accountId, long serverId, String address, String found, String ptr) {
    }
}
