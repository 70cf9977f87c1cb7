package com.virtpanel.network;

import com.virtpanel.host.AddressPlan;
import com.virtpanel.host.HostProperties;
import java.math.BigInteger;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, the panel's own network gets its pools from the configuration when it has none of a
 * family: its IPv4 range with the gateway .1 and .2 to .9 reserved for the host (as addresses
 * were handed out before pools existed) and its IPv6 /48. So a fresh {@code ./panel run} and an
 * upgraded panel hand out the same addresses as before.
 */
@Component
class PoolSeeding {

    private static final Logger log = LoggerFactory.getLogger(PoolSeeding.class);

    private final AddressPoolRepository pools;
    private final PoolGuard guard;
    private final HostProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    PoolSeeding(AddressPoolRepository pools, PoolGuard guard, HostProperties properties, TransactionTemplate tx, Clock clock) {
        this.pools = pools;
        this.guard = guard;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    void seed() {
        var network = properties.network();
        AddressPlan plan = AddressPlan.of(network.cidr());
        BigInteger base = PoolShape.address("cidr", plan.network());
        String reserved = plan.firstHost() - 1 >= base.longValue() + 2
                ? PoolShape.text(base.add(BigInteger.TWO), 32) + "-" + PoolShape.text(BigInteger.valueOf(plan.firstHost() - 1), 32)
                : "";
        seed(network.name(), PoolShape.of(4, plan.network() + "/" + plan.prefix(), plan.gateway(), reserved));
        seed(network.name(), PoolShape.of(6, network.ipv6().prefix48(), network.ipv6().gateway(), ""));
    }

    private void seed(String network, PoolShape shape) {
        try {
            tx.executeWithoutResult(t -> {
                guard.hold();
                if (pools.findByNetworkNameAndFamilyOrderByIdAsc(network, shape.family()).isEmpty()) {
                    pools.saveAndFlush(new AddressPool(network, shape, clock.instant()));
                    log.info("Address pool {} for network {} seeded from the configuration", shape.cidr(), network);
                }
            });
        } catch (DataIntegrityViolationException taken) {
            log.warn("Address pool {} not seeded for network {}: another pool holds that range", shape.cidr(), network);
        }
    }
}
