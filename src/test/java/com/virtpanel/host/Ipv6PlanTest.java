package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ipv6PlanTest {

    @Test
    void thePrefixIsDerivedFromTheIpv4NetworkSoEachNetworkOnTheMachineHasItsOwn() {
        assertThat(Ipv6Plan.of("", "10.122.0.0/24").prefix48()).isEqualTo("fd76:a7a:0::/48");
        assertThat(Ipv6Plan.of("", "10.130.0.0/24").address(1)).isEqualTo("fd76:a82:0:1::1");
        assertThat(Ipv6Plan.of(null, "10.130.0.0/24").gateway()).isEqualTo("fd76:a82:0::1");
        assertThat(Ipv6Plan.of("", "10.122.0.0/24")).isNotEqualTo(Ipv6Plan.of("", "10.130.0.0/24"));
    }

    @Test
    void eachServerGetsItsOwnSlash64AndItsAddressIsColonColonOne() {
        Ipv6Plan plan = Ipv6Plan.of("fd12:3456:789a::/48", "10.0.0.0/24");
        assertThat(plan.network(1)).isEqualTo("fd12:3456:789a:1::");
        assertThat(plan.address(0xffff)).isEqualTo("fd12:3456:789a:ffff::1");
        assertThat(plan.firstFree(Set.of(1, 2, 4))).isEqualTo(3);
        assertThatThrownBy(() -> plan.network(0)).as("subnet 0 is the bridge's link").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfiguredPrefixIsWrittenInItsShortestFormAndChecked() {
        assertThat(new Ipv6Plan("FD00:0000:00AB::/48").prefix48()).isEqualTo("fd00:0:ab::/48");
        for (String bad : List.of("fd00::/64", "fd00:0:ab:1::/48", "10.0.0.0/48", "fd00:0:ab::", "nonsense/48")) {
            assertThatThrownBy(() -> new Ipv6Plan(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theLinkLocalAddressIsTheOneTheGuestsKernelFormsFromItsMac() {
        assertThat(Ipv6Plan.linkLocal("52:54:00:12:34:56")).isEqualTo("fe80::5054:ff:fe12:3456");
    }
}
