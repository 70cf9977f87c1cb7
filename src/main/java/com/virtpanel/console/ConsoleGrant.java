package com.virtpanel.console;

import java.net.InetSocketAddress;

/**
 * What a redeemed ticket allows: one console of one server for one person, from one address.
 * The account is who the ticket acts as (a customer during an impersonation); the real
 * account is who holds the keyboard.
 */
record ConsoleGrant(long ticketId, long serverId, String domain, long ownerAccountId, long accountId, String email,
        long realAccountId, String realEmail, String remoteAddress, InetSocketAddress target) {

    boolean impersonated() {
        return accountId != realAccountId;
    }

    ConsoleGrant at(InetSocketAddress vnc) {
        return new ConsoleGrant(ticketId, serverId, domain, ownerAccountId, accountId, email, realAccountId, realEmail,
                remoteAddress, vnc);
    }
}
