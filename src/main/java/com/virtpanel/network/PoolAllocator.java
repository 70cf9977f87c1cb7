package com.virtpanel.network;

import com.virtpanel.host.HostProperties;
import com.virtpanel.server.AddressSource;
import java.math.BigInteger;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders' addresses from the pools of the panel's own network, oldest pool first: the lowest
 * unit a pool hands out that is neither held nor resting. Runs inside the order's transaction
 * and under its lock (which pool changes take too).
 */
@Component
class PoolAllocator implements AddressSource {

    private final AddressPoolRepository pools;
    private final String network;

    PoolAllocator(AddressPoolRepository pools, HostProperties properties) {
        this.pools = pools;
        this.network = properties.network().name();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String freeIpv4(Set<String> unavailable) {
        Set<BigInteger> taken = unavailable.stream().map(a -> PoolShape.address("ipv4", a)).collect(Collectors.toSet());
        for (AddressPool pool : pools.findByNetworkNameAndFamilyOrderByIdAsc(network, 4)) {
            PoolShape shape = pool.shape();
            BigInteger free = shape.firstFree(taken);
            if (free != null) {
                return shape.unitText(free);
            }
        }
        return null;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Integer freeIpv6Net(Set<Integer> unavailable) {
        // the rules let the panel's network have one IPv6 pool only: its /48 is the host's, which the /64 numbers count in
        for (AddressPool pool : pools.findByNetworkNameAndFamilyOrderByIdAsc(network, 6)) {
            PoolShape shape = pool.shape();
            Set<BigInteger> taken = unavailable.stream().map(shape::unitOfNet).collect(Collectors.toSet());
            BigInteger free = shape.firstFree(taken);
            if (free != null) {
                return shape.netOf(free);
            }
        }
        return null;
    }
}
