package com.virtpanel.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The pools' allocation rule (what a pool hands out, first free, full) and the checks on a new or changed pool. */
class AddressPoolRulesTest {

    static final PoolRules.HostNetwork HOST = new PoolRules.HostNetwork("virtpanel", Cidr.parse("c", "10.122.0.0/24"),
            Cidr.parse("c", "fd76:a7a:0::/48"));

    static BigInteger ip(String a) {
        return PoolShape.address("a", a);
    }

    @Test
    void anIpv4PoolHandsOutItsHostsExceptGatewayNetworkBroadcastAndReservedRanges() {
        PoolShape pool = PoolShape.of(4, "10.9.0.0/29", "10.9.0.1", "10.9.0.3-10.9.0.4, 10.9.0.6");
        assertThat(pool.units().stream().map(pool::unitText)).containsExactly("10.9.0.2", "10.9.0.5");
        assertThat(pool.reserved().toString()).isEqualTo("10.9.0.3-10.9.0.4, 10.9.0.6");
        assertThat(pool.unitText(pool.firstFree(Set.of()))).isEqualTo("10.9.0.2");
        assertThat(pool.unitText(pool.firstFree(Set.of(ip("10.9.0.2"))))).as("held or resting addresses are skipped").isEqualTo("10.9.0.5");
        assertThat(pool.firstFree(Set.of(ip("10.9.0.2"), ip("10.9.0.5")))).as("full").isNull();
    }

    @Test
    void aBlankGatewayIsTheFirstAddressAndANetworkReservesItsWholeRange() {
        PoolShape pool = PoolShape.of(4, "10.9.0.0/28", " ", "10.9.0.8/30");
        assertThat(pool.gatewayText()).isEqualTo("10.9.0.1");
        assertThat(pool.units().stream().map(pool::unitText)).containsExactly("10.9.0.2", "10.9.0.3", "10.9.0.4", "10.9.0.5",
                "10.9.0.6", "10.9.0.7", "10.9.0.12", "10.9.0.13", "10.9.0.14");
    }

    @Test
    void anIpv6PoolHandsOutSlash64sFromOneAndSkipsThoseAReservedRangeTouches() {
        PoolShape pool = PoolShape.of(6, "fd76:a7a:0::/48", "", "fd76:a7a:0:1::5, fd76:a7a:0:3::-fd76:a7a:0:4::ffff");
        assertThat(pool.gatewayText()).isEqualTo("fd76:a7a::1");
        List<BigInteger> units = pool.units();
        assertThat(units).hasSize(65535 - 3);
        assertThat(pool.netOf(units.get(0))).isEqualTo(2);
        assertThat(pool.unitText(units.get(0))).isEqualTo("fd76:a7a:0:2::/64");
        assertThat(pool.netOf(units.get(1))).isEqualTo(5);
        Set<BigInteger> taken = new HashSet<>();
        for (int net = 1; net <= 0xffff; net++) {
            taken.add(pool.unitOfNet(net));
        }
        assertThat(pool.firstFree(taken)).as("full").isNull();
        taken.remove(pool.unitOfNet(70));
        assertThat(pool.netOf(pool.firstFree(taken))).isEqualTo(70);
    }

    @Test
    void malformedInputIsRefusedNamingTheField() {
        field(() -> PoolShape.of(5, "10.0.0.0/24", "", ""), "family");
        field(() -> PoolShape.of(4, "", "", ""), "cidr");
        field(() -> PoolShape.of(4, "10.0.0.0/33", "", ""), "cidr");
        field(() -> PoolShape.of(4, "10.0.0.1/24", "", ""), "cidr");
        field(() -> PoolShape.of(4, "300.0.0.0/24", "", ""), "cidr");
        field(() -> PoolShape.of(4, "10.0.0.0/8", "", ""), "cidr");
        field(() -> PoolShape.of(4, "fd00::/48", "", ""), "cidr");
        field(() -> PoolShape.of(6, "10.0.0.0/24", "", ""), "cidr");
        field(() -> PoolShape.of(6, "fd00::/64", "", ""), "cidr");
        field(() -> PoolShape.of(6, "fd00:::/48", "", ""), "cidr");
        field(() -> PoolShape.of(4, "10.0.0.0/24", "nonsense", ""), "gateway");
        field(() -> PoolShape.of(4, "10.0.0.0/24", "10.0.0.0/30", ""), "gateway");
        field(() -> PoolShape.of(4, "10.0.0.0/24", "10.0.0.10-10.0.0.2", ""), "gateway");
        field(() -> PoolShape.of(4, "10.0.0.0/24", "", "10.0.0.9-10.0.0.2"), "reserved");
        field(() -> PoolShape.of(4, "10.0.0.0/24", "", "10.0.0.x"), "reserved");
        field(() -> PoolShape.of(6, "fd00::/48", "", "fd00::5-10.0.0.2"), "reserved");
    }

    @Test
    void aGatewayOrReservedRangeOutsideThePoolIsRefusedForBothFamilies() {
        field(() -> PoolShape.of(4, "10.0.0.0/24", "10.0.1.1", ""), "gateway");
        field(() -> PoolShape.of(4, "10.0.0.0/24", "10.0.0.255", ""), "gateway");
        field(() -> PoolShape.of(4, "10.0.0.0/24", "10.0.0.0", ""), "gateway");
        field(() -> PoolShape.of(6, "fd00:1::/48", "fd00:2::1", ""), "gateway");
        field(() -> PoolShape.of(4, "10.0.0.0/24", "", "10.0.0.250-10.0.1.3"), "reserved");
        field(() -> PoolShape.of(6, "fd00:1::/48", "", "fd00:2::/64"), "reserved");
        field(() -> PoolShape.of(6, "fd00:1::/48", "", "10.0.0.1"), "reserved");
    }

    @Test
    void aPoolMayNotOverlapAnotherOfItsFamily() {
        var existing = List.of(new PoolRules.Existing(1, "other", PoolShape.of(4, "10.50.0.0/16", "", "")),
                new PoolRules.Existing(2, "other", PoolShape.of(6, "fd00:1::/48", "", "")));
        field(() -> PoolRules.check(-1, "third", null, PoolShape.of(4, "10.50.7.0/24", "", ""), existing, HOST, Map.of()), "cidr");
        field(() -> PoolRules.check(-1, "third", null, PoolShape.of(6, "fd00:1::/48", "", ""), existing, HOST, Map.of()), "cidr");
        PoolRules.check(-1, "third", null, PoolShape.of(4, "10.51.0.0/24", "", ""), existing, HOST, Map.of());
        PoolRules.check(-1, "third", null, PoolShape.of(6, "fd00:2::/48", "", ""), existing, HOST, Map.of());
        PoolRules.check(1, "other", null, PoolShape.of(4, "10.50.0.0/24", "", ""), existing, HOST, Map.of());
    }

    @Test
    void thePanelsOwnNetworkKeepsItsPoolsInsideTheRangeTheHostRoutes() {
        field(() -> PoolRules.check(-1, "virtpanel", null, PoolShape.of(4, "10.123.0.0/24", "", ""), List.of(), HOST, Map.of()), "cidr");
        field(() -> PoolRules.check(-1, "virtpanel", null, PoolShape.of(4, "10.122.0.0/23", "", ""), List.of(), HOST, Map.of()), "cidr");
        field(() -> PoolRules.check(-1, "virtpanel", null, PoolShape.of(6, "fd76:a7b::/48", "", ""), List.of(), HOST, Map.of()), "cidr");
        PoolRules.check(-1, "virtpanel", null, PoolShape.of(4, "10.122.0.128/25", "10.122.0.129", ""), List.of(), HOST, Map.of());
        field(() -> PoolRules.network("bad name"), "network");
        field(() -> PoolRules.network(""), "network");
        assertThat(PoolRules.network(" vp-t9 ")).isEqualTo("vp-t9");
    }

    @Test
    void aChangeMayNeitherShrinkNorReserveAnAddressInUse() {
        PoolShape before = PoolShape.of(4, "10.122.0.0/24", "10.122.0.1", "");
        Map<BigInteger, String> held = Map.of(ip("10.122.0.200"), "web-1");
        field(() -> PoolRules.check(1, "virtpanel", before, PoolShape.of(4, "10.122.0.0/25", "10.122.0.1", ""), List.of(), HOST, held), "cidr");
        field(() -> PoolRules.check(1, "virtpanel", before, PoolShape.of(4, "10.122.0.0/24", "10.122.0.1", "10.122.0.190-10.122.0.210"),
                List.of(), HOST, held), "reserved");
        field(() -> PoolRules.check(1, "virtpanel", before, PoolShape.of(4, "10.122.0.0/24", "10.122.0.200", ""), List.of(), HOST, held), "gateway");
        PoolRules.check(1, "virtpanel", before, PoolShape.of(4, "10.122.0.0/24", "10.122.0.1", "10.122.0.10-10.122.0.199"), List.of(), HOST, held);

        PoolShape v6 = PoolShape.of(6, "fd76:a7a::/48", "", "");
        Map<BigInteger, String> held6 = Map.of(v6.unitOfNet(3), "web-2");
        field(() -> PoolRules.check(2, "virtpanel", v6, PoolShape.of(6, "fd76:a7a::/48", "", "fd76:a7a:0:3::/64"), List.of(), HOST, held6),
                "reserved");
        PoolRules.check(2, "virtpanel", v6, PoolShape.of(6, "fd76:a7a::/48", "", "fd76:a7a:0:4::/62"), List.of(), HOST, held6);
    }

    private static void field(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
