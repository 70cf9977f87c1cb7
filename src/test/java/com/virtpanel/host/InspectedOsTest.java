package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InspectedOsTest {

    @Test
    void knownDistributionsGetTheirNameAndVersion() {
        var debian = new InspectedOs("linux", "debian", "Debian GNU/Linux 12 (bookworm)", 12, 0, "x86_64");
        assertThat(debian.displayName()).isEqualTo("Debian");
        assertThat(debian.version()).isEqualTo("12");
        assertThat(new InspectedOs("linux", "ubuntu", "Ubuntu 22.04.4 LTS", 22, 4, "x86_64").version()).isEqualTo("22.04");
        assertThat(new InspectedOs("linux", "rocky", "Rocky Linux 9.3", 9, 3, "x86_64").version()).isEqualTo("9.3");
    }

    @Test
    void anUnknownDistributionIsCalledByItsOwnNameWithoutAMadeUpVersion() {
        var demo = new InspectedOs("linux", "unknown", "Virtpanel demo (busybox)", 0, 0, "x86_64");
        assertThat(demo.displayName()).isEqualTo("Virtpanel demo (busybox)");
        assertThat(demo.version()).isEmpty();
        assertThat(new InspectedOs("linux", "unknown", "unknown", 0, 0, "x86_64").displayName()).isEqualTo("Linux");
    }
}
