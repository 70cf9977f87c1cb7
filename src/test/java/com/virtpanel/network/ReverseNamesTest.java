package com.virtpanel.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReverseNamesTest {

    @Test
    void anIpv4AddressIsItsOctetsBackwardsUnderInAddrArpa() {
        assertThat(ReverseNames.ptrOwner("10.133.0.2")).isEqualTo("2.0.133.10.in-addr.arpa.");
        assertThat(ReverseNames.ptrOwner("192.0.2.255")).isEqualTo("255.2.0.192.in-addr.arpa.");
    }

    @Test
    void anIpv6AddressIsAll32NibblesBackwardsUnderIp6Arpa() {
        assertThat(ReverseNames.ptrOwner("2001:db8::567:89ab"))
                .isEqualTo("b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.");
        assertThat(ReverseNames.ptrOwner("fd76:a85:0:1::1"))
                .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.0.0.0.0.5.8.a.0.6.7.d.f.ip6.arpa.");
    }

    @Test
    void theZoneOfANetworkEndsOnTheOctetOrNibbleAtOrAboveItsPrefix() {
        assertThat(ReverseNames.zone("10.133.0.0/24")).isEqualTo("0.133.10.in-addr.arpa.");
        assertThat(ReverseNames.zone("10.133.0.0/16")).isEqualTo("133.10.in-addr.arpa.");
        assertThat(ReverseNames.zone("10.128.0.0/12")).isEqualTo("10.in-addr.arpa.");
        assertThat(ReverseNames.zone("192.0.2.128/25")).as("classless: the containing /24").isEqualTo("2.0.192.in-addr.arpa.");
        assertThat(ReverseNames.zone("fd76:a85:0::/48")).isEqualTo("0.0.0.0.5.8.a.0.6.7.d.f.ip6.arpa.");
        assertThat(ReverseNames.zone("2001:db8::/32")).isEqualTo("8.b.d.0.1.0.0.2.ip6.arpa.");
        assertThat(ReverseNames.zone("2001:db8:1:20::/60")).isEqualTo("2.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.");
    }

    @Test
    void everyAddressOfANetworkFallsIntoItsZone() {
        String zone = ReverseNames.zone("fd76:a85:0::/48");
        assertThat(ReverseNames.ptrOwner("fd76:a85:0:ffff::1")).endsWith("." + zone);
        assertThat(ReverseNames.ptrOwner("10.133.0.254")).endsWith("." + ReverseNames.zone("10.133.0.0/24"));
    }

    @Test
    void addressesAreComparedInTheirCanonicalForm() {
        assertThat(ReverseNames.canonical("FD76:0A85:0000:0001:0000:0000:0000:0001")).isEqualTo("fd76:a85:0:1::1");
        assertThat(ReverseNames.canonical("10.133.0.2")).isEqualTo("10.133.0.2");
        assertThat(ReverseNames.family("fd76::1")).isEqualTo(6);
        for (String bad : List.of("10.133.0.0/24", "10.133.0.256", "mail.example.com", "", "1::2::3")) {
            assertThatThrownBy(() -> ReverseNames.canonical(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPtrIsAFullyQualifiedHostNameInLowerCaseWithoutTheTrailingDot() {
        assertThat(PtrNames.normalise(" Mail.Example.COM. ")).isEqualTo("mail.example.com");
        assertThat(PtrNames.normalise("a-1.b")).isEqualTo("a-1.b");
        Map<String, String> refused = Map.of("", "error.dns.ptr-required", "mail", "error.dns.ptr-not-qualified",
                "mail..example.com", "error.dns.ptr-invalid", "-mail.example.com", "error.dns.ptr-invalid",
                "mail_x.example.com", "error.dns.ptr-invalid", "1.2.3.4", "error.dns.ptr-not-qualified",
                "x".repeat(64) + ".com", "error.dns.ptr-invalid", ("a".repeat(60) + ".").repeat(5) + "com", "error.dns.ptr-too-long");
        refused.forEach((name, key) -> assertThatThrownBy(() -> PtrNames.normalise(name)).as(name)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("ptr");
                    assertThat(e.message().key()).isEqualTo(key);
                }));
    }

    @Test
    void theForwardCheckWantsTheNameToResolveToTheAddressItself() {
        ForwardResolver resolver = name -> switch (name) {
            case "mail.example.com" -> List.of("192.0.2.7", "FD76:A85:0:1:0:0:0:1");
            default -> List.of();
        };
        assertThat(ForwardResolver.pointsTo(resolver, "mail.example.com", "192.0.2.7")).isTrue();
        assertThat(ForwardResolver.pointsTo(resolver, "mail.example.com", "fd76:a85:0:1::1")).isTrue();
        assertThat(ForwardResolver.pointsTo(resolver, "mail.example.com", "192.0.2.8")).isFalse();
        assertThat(ForwardResolver.pointsTo(resolver, "other.example.com", "192.0.2.7")).isFalse();
    }
}
