package com.virtpanel.network;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a new or changed pool must respect besides its own shape: no overlap with another pool of
 * its family, the panel's own network's range (guests there are routed by the bridge the host
 * defines from the configuration), and the addresses servers hold — which a change may neither
 * leave outside the pool nor reserve.
 */
final class PoolRules {

    private static final Pattern NETWORK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The network the host defines (name, IPv4 range and IPv6 /48), whose pools the orders draw from. */
    record HostNetwork(String name, Cidr ipv4, Cidr ipv6) {
    }

    /** Another pool, as stored. */
    record Existing(long id, String network, PoolShape shape) {
    }

    private PoolRules() {
    }

    static String network(String name) {
        String n = name == null ? "" : name.strip();
        if (!NETWORK_NAME.matcher(n).matches()) {
            throw new InvalidInputException("network", UserMessage.of("error.pool.network-invalid"));
        }
        return n;
    }

    /**
     * @param before the pool's shape before a change, or null for a new pool
     * @param held   units servers hold in the pool's family on its network, with the server's name
     */
    static void check(long id, String network, PoolShape before, PoolShape shape, List<Existing> pools, HostNetwork host,
            Map<BigInteger, String> held) {
        for (Existing other : pools) {
            if (other.id() != id && other.shape().family() == shape.family() && other.shape().overlaps(shape)) {
                throw new InvalidInputException("cidr", UserMessage.of("error.pool.overlap", shape.cidr().toString(),
                        other.shape().cidr().toString(), other.network()));
            }
        }
        if (network.equals(host.name())) {
            Cidr range = shape.family() == 4 ? host.ipv4() : host.ipv6();
            boolean within = shape.family() == 4
                    ? range.overlaps(shape.cidr()) && shape.cidr().prefix() >= range.prefix()
                    : range.equals(shape.cidr());
            if (!within) {
                throw new InvalidInputException("cidr", UserMessage.of("error.pool.outside-host-network", network, range.toString()));
            }
        }
        held.forEach((unit, server) -> {
            boolean concerned = shape.inside(unit) || (before != null && before.inside(unit));
            if (concerned && !shape.handsOut(unit)) {
                String field = !shape.inside(unit) ? "cidr" : shape.gatewayIn(unit) ? "gateway" : "reserved";
                throw new InvalidInputException(field, UserMessage.of("error.pool.in-use", shape.unitText(unit), server));
            }
        });
    }
}
