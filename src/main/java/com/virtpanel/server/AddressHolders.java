package com.virtpanel.server;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which server holds which address, and which deleted servers' addresses still rest: the one
 * place the address pools read their usage from (the rows themselves are the server module's).
 */
@Service
public class AddressHolders {

    private final ServerRepository servers;
    private final GuestBlueprint blueprint;
    private final Clock clock;

    AddressHolders(ServerRepository servers, GuestBlueprint blueprint, Clock clock) {
        this.servers = servers;
        this.blueprint = blueprint;
        this.clock = clock;
    }

    /** Current holders and resting addresses. Staff only: it names every customer's servers. */
    @Transactional(readOnly = true)
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    public List<AddressHolding> all() {
        Instant since = restingSince();
        return servers.addressHolders(since).stream().map(s -> s.getDeletedAt() == null
                ? new AddressHolding(s.getId(), s.getName(), s.getIpv4(), s.getIpv6Net(), null)
                : new AddressHolding(s.getId(), s.getName(), s.getReleasedIpv4(), s.getReleasedIpv6Net(), s.getDeletedAt()))
                .toList();
    }

    /** Held IPv4 addresses plus those of servers deleted within the cool-down: none of them may be handed out. */
    java.util.Set<String> unavailableIpv4() {
        var taken = new java.util.HashSet<>(servers.allocatedAddresses());
        taken.addAll(servers.restingAddresses(restingSince()));
        return taken;
    }

    /** Held /64s plus those of servers deleted within the cool-down. */
    java.util.Set<Integer> unavailableIpv6Nets() {
        var taken = new java.util.HashSet<>(servers.allocatedIpv6Nets());
        taken.addAll(servers.restingIpv6Nets(restingSince()));
        return taken;
    }

    private Instant restingSince() {
        return clock.instant().minus(blueprint.releaseCooldown());
    }
}
