package com.virtpanel.base.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalHostTest {

    @Test
    void aServerNotPlacedYetIsOnThisHost() {
        LocalHost here = LocalHost.named("a");
        assertThat(here.isLocal(null)).isTrue();
        assertThat(here.isLocal("")).isTrue();
        assertThat(here.isLocal("a")).isTrue();
        assertThat(here.isLocal("b")).isFalse();
        assertThat(here.or(null)).isEqualTo("a");
        assertThat(here.or("b")).isEqualTo("b");
    }

    @Test
    void eachHostHasItsSchedulerName() {
        assertThat(LocalHost.named("a").schedulerName("b")).isEqualTo("host-b");
        assertThat(new LocalHost(new LocalHostProperties(" node-7 ", "t-", "", "")).name()).isEqualTo("node-7");
        assertThat(new LocalHost(new LocalHostProperties("", "host-", "", "")).name()).isNotBlank();
    }

    @Test
    void otherInstancesForwardConsolesToTheConfiguredAddressOrElseThisInstancesLoopbackPort() {
        assertThat(LocalHost.named("a").consoleUrl(8080)).contains("http://127.0.0.1:8080");
        assertThat(LocalHost.named("a").consoleUrl(null)).isEmpty();
        assertThat(new LocalHost(new LocalHostProperties("a", "host-", " http://10.0.0.5:8080 ", "")).consoleUrl(40123))
                .contains("http://10.0.0.5:8080");
    }

    @Test
    void otherHostsMigrateToTheConfiguredAddressOrElseToARemoteLibvirtUriButNeverToALocalOne() {
        assertThat(new LocalHost(new LocalHostProperties("a", "host-", "", " qemu+tls://10.0.0.5/system ")).migrationUri("qemu:///system"))
                .contains("qemu+tls://10.0.0.5/system");
        assertThat(LocalHost.named("a").migrationUri("qemu+tcp://127.0.0.1:16510/system")).contains("qemu+tcp://127.0.0.1:16510/system");
        assertThat(LocalHost.named("a").migrationUri("qemu:///system")).isEmpty();
        assertThat(LocalHost.named("a").migrationUri("test:///default")).isEmpty();
    }
}
