package com.virtpanel.network;

import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.host.HostProperties;
import com.virtpanel.server.AddressHolders;
import com.virtpanel.server.AddressHolding;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Address pools for staff: list them with their usage, add one, change one's range, gateway or
 * reserved ranges. Every change is checked first (nothing is stored on bad input) under the
 * orders' lock, so simultaneous changes and orders see each other.
 */
@Service
public class AddressPoolService {

    private final AddressPoolRepository pools;
    private final AddressHolders holders;
    private final PoolGuard guard;
    private final PoolRules.HostNetwork host;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AddressPoolService(AddressPoolRepository pools, AddressHolders holders, PoolGuard guard, HostProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.pools = pools;
        this.holders = holders;
        this.guard = guard;
        this.host = hostNetwork(properties);
        this.events = events;
        this.clock = clock;
    }

    static PoolRules.HostNetwork hostNetwork(HostProperties properties) {
        var network = properties.network();
        var ipv4 = com.virtpanel.host.AddressPlan.of(network.cidr());
        return new PoolRules.HostNetwork(network.name(), Cidr.parse("cidr", ipv4.network() + "/" + ipv4.prefix()),
                Cidr.parse("cidr", network.ipv6().prefix48()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PoolDetails> list() {
        List<AddressHolding> holdings = holders.all();
        return pools.findAllByOrderByIdAsc().stream().map(p -> details(p, holdings)).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PoolDetails create(PoolDraft draft) {
        String network = PoolRules.network(draft.network());
        PoolShape shape = PoolShape.of(draft.family() == null ? 0 : draft.family(), draft.cidr(), draft.gateway(), draft.reserved());
        guard.hold();
        List<AddressHolding> holdings = holders.all();
        PoolRules.check(-1, network, null, shape, existing(), host, held(network, shape, holdings));
        AddressPool pool = pools.saveAndFlush(new AddressPool(network, shape, clock.instant()));
        events.publishEvent(new PoolEvents.Added(pool.getId(), shape.family(), network, shape.cidr().toString(),
                shape.reserved().toString()));
        return details(pool, holdings);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PoolDetails update(long id, PoolDraft change) {
        guard.hold();
        AddressPool pool = pools.findById(id).orElseThrow(() -> new NotFoundException(UserMessage.of("error.pool.not-found")));
        PoolShape before = pool.shape();
        PoolShape shape = PoolShape.of(pool.getFamily(), change.cidr(), change.gateway(), change.reserved());
        List<AddressHolding> holdings = holders.all();
        PoolRules.check(id, pool.getNetworkName(), before, shape, existing(), host, held(pool.getNetworkName(), shape, holdings));
        pool.reshape(shape);
        pools.saveAndFlush(pool);
        events.publishEvent(new PoolEvents.Changed(id, shape.family(), pool.getNetworkName(), shape.cidr().toString(),
                shape.reserved().toString()));
        return details(pool, holdings);
    }

    private List<PoolRules.Existing> existing() {
        return pools.findAllByOrderByIdAsc().stream()
                .map(p -> new PoolRules.Existing(p.getId(), p.getNetworkName(), p.shape())).toList();
    }

    /** Units servers hold now (not resting ones) in {@code shape}'s family on {@code network}, with the holder's name. */
    private Map<BigInteger, String> held(String network, PoolShape shape, List<AddressHolding> holdings) {
        var held = new HashMap<BigInteger, String>();
        holdings.stream().filter(h -> !h.resting()).forEach(h -> unit(network, shape, h).ifPresent(u -> held.put(u, h.serverName())));
        return held;
    }

    private PoolDetails details(AddressPool pool, List<AddressHolding> holdings) {
        PoolShape shape = pool.shape();
        Map<BigInteger, AddressHolding> byUnit = new LinkedHashMap<>();
        for (AddressHolding h : holdings) {
            unit(pool.getNetworkName(), shape, h).filter(shape::inside)
                    .ifPresent(u -> byUnit.merge(u, h, (a, b) -> a.resting() ? b : a)); // a holder outranks a resting one
        }
        Set<BigInteger> used = new HashSet<>();
        Set<BigInteger> resting = new HashSet<>();
        byUnit.forEach((u, h) -> (h.resting() ? resting : used).add(u));
        long size = 0;
        long usedCount = 0;
        long restingCount = 0;
        for (BigInteger unit : shape.units()) {
            size++;
            if (used.contains(unit)) {
                usedCount++;
            } else if (resting.contains(unit)) {
                restingCount++;
            }
        }
        var list = new ArrayList<PoolDetails.Holder>();
        byUnit.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> list.add(new PoolDetails.Holder(
                shape.unitText(e.getKey()), e.getValue().serverId(), e.getValue().serverName(), e.getValue().resting())));
        return new PoolDetails(pool.getId(), shape.family(), pool.getNetworkName(), shape.cidr().toString(), shape.gatewayText(),
                shape.reserved().toString(), size, usedCount, restingCount, size - usedCount - restingCount, pool.getCreatedAt(),
                List.copyOf(list));
    }

    /** The holding's unit in the pool's family; only the panel's own network has servers (its /64 numbers count in its prefix). */
    private java.util.Optional<BigInteger> unit(String network, PoolShape shape, AddressHolding h) {
        if (!network.equals(host.name())) {
            return java.util.Optional.empty();
        }
        if (shape.family() == 4) {
            return java.util.Optional.ofNullable(h.ipv4()).map(a -> PoolShape.address("ipv4", a));
        }
        return java.util.Optional.ofNullable(h.ipv6Net()).map(shape::unitOfNet);
    }
}
