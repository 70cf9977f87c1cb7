package com.virtpanel.network;

import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.server.ServerAddress;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reverse DNS names of a customer's addresses, for the server page and the API. Someone
 * else's server, or an address the server does not have, is "not found". A change is stored
 * pending and reaches PowerDNS right after the transaction commits ({@link ReverseDnsDelivery});
 * when PowerDNS is down it stays pending until the reconciler delivers it.
 */
@Service
@Transactional
public class ReverseDnsService {

    private final ReverseDnsRepository rows;
    private final ServerService servers;
    private final CurrentUser currentUser;
    private final OwnerRows owners;
    private final DnsProperties config;
    private final ForwardResolver resolver;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReverseDnsService(ReverseDnsRepository rows, ServerService servers, CurrentUser currentUser, OwnerRows owners,
            DnsProperties config, ForwardResolver resolver, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.servers = servers;
        this.currentUser = currentUser;
        this.owners = owners;
        this.config = config;
        this.resolver = resolver;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the panel manages reverse DNS at all (panel.dns.api-url set): views hide the PTR column otherwise. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Every address of the caller's server with its PTR. */
    @Transactional(readOnly = true)
    public List<PtrDetails> ofServer(long serverId) {
        return servers.addresses(serverId).stream().map(a -> details(serverId, a)).toList();
    }

    @Transactional(readOnly = true)
    public PtrDetails get(long serverId, String address) {
        return details(serverId, owned(serverId, address));
    }

    /** Sets the PTR of one of the caller's server's addresses. */
    public PtrDetails set(long serverId, String address, String ptr) {
        ServerInfo server = servers.get(serverId);
        ServerAddress owned = owned(serverId, address);
        currentUser.requireMayChange().requireMayChange(server.accountId());
        String name = PtrNames.normalise(ptr);
        if (!config.enabled()) {
            throw new ConflictException(UserMessage.of("error.dns.not-managed"));
        }
        if (config.requireForwardMatch() && !ForwardResolver.pointsTo(resolver, name, owned.address())) {
            throw new InvalidInputException("ptr", UserMessage.of("error.dns.ptr-forward-mismatch", name, owned.address()));
        }
        // one change of an account's names at a time: simultaneous first writes of an address must not both insert
        owners.lock(server.accountId());
        ReverseDns row = rows.findByAddress(owned.address()).orElse(null);
        if (row == null) {
            rows.save(new ReverseDns(serverId, server.accountId(), owned.address(), name, clock.instant()));
        } else {
            row.assign(serverId, server.accountId(), name, clock.instant());
        }
        events.publishEvent(new ReverseDnsEvents.Changed(server.accountId(), serverId, owned.address(), name));
        events.publishEvent(new ReverseDnsDelivery.Changed(List.of(owned.address())));
        return new PtrDetails(owned.address(), owned.family(), owned.prefix(), name, true);
    }

    private ServerAddress owned(long serverId, String address) {
        List<ServerAddress> addresses = servers.addresses(serverId);
        String wanted;
        try {
            wanted = ReverseNames.canonical(address);
        } catch (IllegalArgumentException notAnAddress) {
            throw notFound();
        }
        return addresses.stream().filter(a -> ReverseNames.canonical(a.address()).equals(wanted)).findFirst()
                .map(a -> new ServerAddress(wanted, a.family(), a.prefix())).orElseThrow(ReverseDnsService::notFound);
    }

    private PtrDetails details(long serverId, ServerAddress address) {
        String canonical = ReverseNames.canonical(address.address());
        Optional<ReverseDns> row = rows.findByAddress(canonical)
                .filter(r -> r.getServerId() == serverId && r.getState() != ReverseDns.State.REMOVING);
        return new PtrDetails(canonical, address.family(), address.prefix(), row.map(ReverseDns::getPtr).orElse(null),
                row.map(r -> r.getState() != ReverseDns.State.SERVED).orElse(false));
    }

    private static NotFoundException notFound() {
        return new NotFoundException(UserMessage.of("error.dns.address-not-found"));
    }
}
