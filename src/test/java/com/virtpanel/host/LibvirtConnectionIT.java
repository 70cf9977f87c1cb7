package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work registered for fresh connections (lifecycle listeners) reaches the connection to the real libvirtd whenever it opened. */
class LibvirtConnectionIT {

    LibvirtConnection connection = new LibvirtConnection(new HostProperties(
            new HostProperties.Libvirt("qemu:///system", "qemu", Duration.ofSeconds(5), 5, 3, "", "q35", Duration.ZERO,
                    Duration.ofSeconds(60), Path.of("/run/libvirt/qemu")),
            new HostProperties.Storage(Path.of("/tmp/vp-unused"), "unused"),
            new HostProperties.Network("unused", "unused", "10.131.0.0/24", "", java.time.Duration.ofHours(1))), Clock.systemUTC(), new SimpleMeterRegistry());

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void workRegisteredAfterTheFirstConnectionOpenedIsDoneOnItAtOnce() {
        NativeConnect open = connection.call("open", c -> c);
        List<NativeConnect> seen = new CopyOnWriteArrayList<>();

        // as Domains does for lifecycle events, after the health probe already connected
        connection.onOpen(seen::add);

        Await.until("the work on the open connection", Duration.ofSeconds(10), () -> List.copyOf(seen), s -> !s.isEmpty());
        assertThat(seen).containsExactly(open);
        assertThat(connection.opened()).isEqualTo(1);
    }

    @Test
    void workRegisteredBeforeAnyConnectionIsDoneWhenTheFirstOpens() {
        List<NativeConnect> seen = new CopyOnWriteArrayList<>();
        connection.onOpen(seen::add);
        assertThat(seen).isEmpty();

        connection.call("open", c -> c.getHostName());

        assertThat(seen).hasSize(1);
    }
}
