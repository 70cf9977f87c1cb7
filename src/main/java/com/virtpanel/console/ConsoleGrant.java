package com.virtpanel.console;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * What a redeemed ticket allows: one console of one server for one person, from one address.
 * The account is who the ticket acts as (a customer during an impersonation); the real
 * account is who holds the keyboard.
 *
 * @param target    the guest's VNC server, when it is on this instance's host
 * @param via       the relay endpoint of the guest's host's panel instances, when the guest is on another host
 * @param forwarded this instance relays for the instance that holds the person's session, which
 *                  checked and audited the opening: it is not audited here a second time
 */
record ConsoleGrant(long ticketId, long serverId, String domain, long ownerAccountId, long accountId, String email,
        long realAccountId, String realEmail, String remoteAddress, InetSocketAddress target, URI via, boolean forwarded) {

    ConsoleGrant(long ticketId, long serverId, String domain, long ownerAccountId, long accountId, String email,
            long realAccountId, String realEmail, String remoteAddress, InetSocketAddress target) {
        this(ticketId, serverId, domain, ownerAccountId, accountId, email, realAccountId, realEmail, remoteAddress, target,
                null, false);
    }

    boolean impersonated() {
        return accountId != realAccountId;
    }

    ConsoleGrant at(InetSocketAddress vnc) {
        return new ConsoleGrant(ticketId, serverId, domain, ownerAccountId, accountId, email, realAccountId, realEmail,
                remoteAddress, vnc, null, forwarded);
    }

    ConsoleGrant via(URI relay) {
        return new ConsoleGrant(ticketId, serverId, domain, ownerAccountId, accountId, email, realAccountId, realEmail,
                remoteAddress, null, relay, false);
    }

    ConsoleGrant asForwarded() {
        return new ConsoleGrant(ticketId, serverId, domain, ownerAccountId, accountId, email, realAccountId, realEmail,
                remoteAddress, target, via, true);
    }
}
