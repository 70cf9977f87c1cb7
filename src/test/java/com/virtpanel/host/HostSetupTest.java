package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** panel.libvirt.virt-type: kvm or qemu as configured; auto picks KVM only where libvirt offers it and /dev/kvm exists. */
class HostSetupTest {

    static final String KVM_CAPS = "<capabilities><guest><arch name='x86_64'><domain type='qemu'/><domain type='kvm'/></arch></guest></capabilities>";
    static final String TCG_CAPS = "<capabilities><guest><arch name='x86_64'><domain type='qemu'/></arch></guest></capabilities>";

    LibvirtConnection connection;

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void aConfiguredTypeIsUsedAsItIs() {
        assertThat(setup("kvm").virtType(TCG_CAPS)).isEqualTo("kvm");
        assertThat(setup("qemu").virtType(KVM_CAPS)).isEqualTo("qemu");
    }

    @Test
    void autoFallsBackToTcgWhenLibvirtOffersNoKvm() {
        assertThat(setup("auto").virtType(TCG_CAPS)).isEqualTo("qemu");
    }

    @Test
    void autoPicksKvmWhereLibvirtOffersItAndTheDeviceExists() {
        assertThat(setup("auto").virtType(KVM_CAPS)).isEqualTo(Files.exists(Path.of("/dev/kvm")) ? "kvm" : "qemu");
    }

    private HostSetup setup(String virtType) {
        var properties = new HostProperties(
                new HostProperties.Libvirt("test:///default", virtType, Duration.ofSeconds(5), 5, 3, "", "q35", Duration.ZERO,
                        Duration.ofSeconds(60), Path.of("/run/libvirt/qemu")),
                new HostProperties.Storage(Path.of("/tmp/vp-unused"), "unused"),
                new HostProperties.Network("unused", "unused", "10.131.0.0/24", "", java.time.Duration.ofHours(1)));
        connection = new LibvirtConnection(properties, java.time.Clock.systemUTC(), new SimpleMeterRegistry());
        return new HostSetup(connection, properties);
    }
}
