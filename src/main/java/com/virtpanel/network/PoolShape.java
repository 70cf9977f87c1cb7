package com.virtpanel.network;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a pool hands out, and the one place that decides it. An IPv4 pool hands out single
 * addresses of its network except the network and broadcast addresses, the gateway and the
 * reserved ranges. An IPv6 pool (a /48) hands out /64s numbered 1 to 65535 — subnet 0 is the
 * bridge's link, where the gateway lives — except those a reserved range touches. Both are
 * "units" here, each known by its first address.
 */
record PoolShape(int family, Cidr cidr, BigInteger gateway, ReservedRanges reserved) {

    static final int MIN_IPV4_PREFIX = 16;
    static final int MAX_IPV4_PREFIX = 30;
    static final int IPV6_PREFIX = 48;
    private static final int NET_BITS = 64;

    /** Checks an admin's input; every refusal names its field. A blank gateway means the network's first address. */
    static PoolShape of(int family, String cidrText, String gatewayText, String reservedText) {
        if (family != 4 && family != 6) {
            throw new InvalidInputException("family", UserMessage.of("error.pool.family"));
        }
        if (cidrText == null || cidrText.isBlank()) {
            throw new InvalidInputException("cidr", UserMessage.of("error.pool.cidr-required"));
        }
        Cidr cidr = Cidr.parse("cidr", cidrText);
        if (cidr.ipv6() != (family == 6)) {
            throw new InvalidInputException("cidr", UserMessage.of("error.pool.family-mismatch", cidrText.strip(), family));
        }
        if (family == 4 && (cidr.prefix() < MIN_IPV4_PREFIX || cidr.prefix() > MAX_IPV4_PREFIX)) {
            throw new InvalidInputException("cidr", UserMessage.of("error.pool.ipv4-prefix", cidr.toString(),
                    MIN_IPV4_PREFIX, MAX_IPV4_PREFIX));
        }
        if (family == 6 && cidr.prefix() != IPV6_PREFIX) {
            throw new InvalidInputException("cidr", UserMessage.of("error.pool.ipv6-prefix", cidr.toString()));
        }
        BigInteger gateway = gatewayText == null || gatewayText.isBlank() ? cidr.base().add(BigInteger.ONE)
                : address("gateway", gatewayText);
        var shape = new PoolShape(family, cidr, gateway, ReservedRanges.parse(reservedText));
        if (!shape.usableGateway()) {
            throw new InvalidInputException("gateway", UserMessage.of("error.pool.gateway-outside", gatewayText.strip(), cidr.toString()));
        }
        for (ReservedRanges.Range r : shape.reserved.ranges()) {
            if (r.bits() != cidr.bits() || !shape.inside(r.from()) || !shape.inside(r.to())) {
                throw new InvalidInputException(ReservedRanges.FIELD, UserMessage.of("error.pool.reserved-outside", r.toString(), cidr.toString()));
            }
        }
        return shape;
    }

    /** A pool as the database holds it (checked when it was written). */
    static PoolShape stored(String cidr, String gateway, String reserved) {
        Cidr c = Cidr.parse("cidr", cidr);
        return new PoolShape(c.ipv6() ? 6 : 4, c, Cidr.parse("gateway", gateway).base(), ReservedRanges.parse(reserved));
    }

    /** One host address ("10.0.0.1", "fd00::1"), no network. */
    static BigInteger address(String field, String text) {
        Cidr c = Cidr.parse(field, text);
        if (c.prefix() != c.bits()) {
            throw new InvalidInputException(field, UserMessage.of("error.pool.address-invalid", text.strip()));
        }
        return c.base();
    }

    BigInteger last() {
        return cidr.last();
    }

    boolean inside(BigInteger address) {
        return cidr.base().compareTo(address) <= 0 && address.compareTo(last()) <= 0;
    }

    boolean overlaps(PoolShape other) {
        return cidr.overlaps(other.cidr);
    }

    /** Every unit the pool hands out, lowest first. */
    List<BigInteger> units() {
        var units = new ArrayList<BigInteger>();
        if (family == 4) {
            for (BigInteger a = cidr.base().add(BigInteger.ONE); a.compareTo(last()) < 0; a = a.add(BigInteger.ONE)) {
                if (handsOut(a)) {
                    units.add(a);
                }
            }
        } else {
            int nets = 1 << (NET_BITS - cidr.prefix());
            for (int n = 1; n < nets; n++) {
                BigInteger unit = unitOfNet(n);
                if (handsOut(unit)) {
                    units.add(unit);
                }
            }
        }
        return units;
    }

    /** The lowest unit not in {@code unavailable}, or null when the pool is full. */
    BigInteger firstFree(Set<BigInteger> unavailable) {
        return units().stream().filter(u -> !unavailable.contains(u)).findFirst().orElse(null);
    }

    /** Whether the unit starting at {@code unit} is one this pool hands out (not the gateway's, not reserved). */
    boolean handsOut(BigInteger unit) {
        BigInteger end = unitEnd(unit);
        if (!inside(unit) || !inside(end)) {
            return false;
        }
        if (family == 4 && (unit.equals(cidr.base()) || unit.equals(last()))) {
            return false;
        }
        if (family == 6 && unit.equals(cidr.base())) {
            return false; // subnet 0: the bridge's link
        }
        if (gatewayIn(unit)) {
            return false;
        }
        return reserved.ranges().stream().noneMatch(r -> r.from().compareTo(end) <= 0 && r.to().compareTo(unit) >= 0);
    }

    /** Whether the gateway lies in the unit starting at {@code unit}. */
    boolean gatewayIn(BigInteger unit) {
        return unit.compareTo(gateway) <= 0 && gateway.compareTo(unitEnd(unit)) <= 0;
    }

    /** The /64 number {@code net} of an IPv6 pool as its unit. */
    BigInteger unitOfNet(int net) {
        return cidr.base().add(BigInteger.valueOf(net).shiftLeft(NET_BITS));
    }

    /** The /64 number of an IPv6 pool's unit. */
    int netOf(BigInteger unit) {
        return unit.subtract(cidr.base()).shiftRight(NET_BITS).intValueExact();
    }

    /** A unit as people read it: an IPv4 address, or an IPv6 /64. */
    String unitText(BigInteger unit) {
        return family == 4 ? text(unit, 32) : new Cidr(unit, NET_BITS, 128).toString();
    }

    String gatewayText() {
        return text(gateway, cidr.bits());
    }

    private BigInteger unitEnd(BigInteger unit) {
        return family == 4 ? unit : unit.add(BigInteger.ONE.shiftLeft(NET_BITS)).subtract(BigInteger.ONE);
    }

    private boolean usableGateway() {
        if (!inside(gateway)) {
            return false;
        }
        return family == 6 || !(gateway.equals(cidr.base()) || gateway.equals(last()));
    }

    static String text(BigInteger address, int bits) {
        return new Cidr(address, bits, bits).addressText();
    }
}
