package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

/** A demo guest's whole life on the real host, through the host module only. */
@IntegrationTest
class DomainLifecycleIT {

    /** Generous: guests boot under TCG on a machine shared by several builds. */
    static final Duration BOOT = Duration.ofMinutes(5);

    @Autowired Domains domains;
    @Autowired Volumes volumes;
    @Autowired ApplicationEventMulticaster multicaster;

    static DemoGuests guests;

    @BeforeAll
    static void setUp(@Autowired Volumes volumes, @Autowired Domains domains, @Autowired HostProperties properties) {
        guests = new DemoGuests(volumes, domains, properties);
        guests.removeAll();
    }

    @AfterAll
    static void cleanUp() {
        guests.removeAll();
    }

    @Test
    void aDemoGuestStartsRebootsShutsDownGracefullyAndLeavesNothingBehindWhenRemoved() {
        String name = guests.define("life", 1, 192, DemoGuests.NANO);
        assertThat(domains.state(name)).isEqualTo(DomainState.SHUT_OFF);

        domains.start(name);
        assertThat(domains.state(name)).isEqualTo(DomainState.RUNNING);
        assertThat(Shell.virsh("domstate", name)).isEqualTo("running");
        awaitReadyCount(name, 1);

        domains.reboot(name);
        awaitReadyCount(name, 2);
        assertThat(domains.state(name)).isEqualTo(DomainState.RUNNING);

        boolean graceful = domains.shutdownOrForce(name, Duration.ofSeconds(90));
        assertThat(graceful).as("the demo guest powers off on the ACPI button").isTrue();
        assertThat(domains.state(name)).isEqualTo(DomainState.SHUT_OFF);
        assertThat(Shell.virsh("domstate", name)).isEqualTo("shut off");

        guests.remove(name);
        assertThat(domains.state(name)).isEqualTo(DomainState.MISSING);
        assertThat(domains.exists(name)).isFalse();
        assertThat(volumes.list(name)).isEmpty();
        assertThat(Files.exists(volumes.path(name + "-disk.qcow2"))).isFalse();
        assertThat(Shell.run("virsh", "-c", "qemu:///system", "dominfo", name).ok()).isFalse();
    }

    @Test
    void aGuestThatIgnoresThePowerButtonIsPoweredOffAfterTheGracePeriod() {
        String name = guests.define("deaf", 2, 192, DemoGuests.NANO);
        domains.start(name);

        // Pressed while the guest is still in its firmware and kernel start: nobody listens yet.
        boolean graceful = domains.shutdownOrForce(name, Duration.ofMillis(500));

        assertThat(graceful).isFalse();
        assertThat(domains.state(name)).isEqualTo(DomainState.SHUT_OFF);
        guests.remove(name);
        assertThat(volumes.list(name)).isEmpty();
    }

    /**
     * A start, and a stop from outside the panel, reach the panel as events. Whether the
     * subscription also lands on a connection opened before {@link Domains} existed depends on
     * start-up timing here; {@link LibvirtConnectionIT} pins that case down.
     */
    @Test
    void theGuestsStartAndStopArriveAsLifecycleEvents() {
        List<GuestLifecycle.Change> seen = new CopyOnWriteArrayList<>();
        String name = guests.define("events", 3, 192, DemoGuests.NANO);
        // typed by instanceof, not by the lambda's generics (which Modulith's multicaster does not resolve)
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof GuestLifecycle lifecycle
                    && lifecycle.domain().equals(name)) {
                seen.add(lifecycle.change());
            }
        };
        multicaster.addApplicationListener(listener);
        try {
            domains.start(name);
            Await.until("the start event of " + name, Duration.ofSeconds(30), () -> List.copyOf(seen),
                    changes -> changes.contains(GuestLifecycle.Change.STARTED));

            Shell.virsh("destroy", name); // from outside the panel
            Await.until("the stop event of " + name, Duration.ofSeconds(30), () -> List.copyOf(seen),
                    changes -> changes.contains(GuestLifecycle.Change.STOPPED));
        } finally {
            multicaster.removeApplicationListener(listener);
            guests.remove(name);
        }
    }

    @Test
    void powerActionsOnAMissingGuestFailWithAMessageForPeople() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> domains.start(DemoGuests.PREFIX + "never-defined"))
                .isInstanceOfSatisfying(HostException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(com.virtpanel.base.PanelException.Kind.NOT_FOUND);
                    assertThat(failure.getMessage()).isEqualTo("The server's virtual machine does not exist on the host.");
                });
        assertThat(domains.state(DemoGuests.PREFIX + "never-defined")).isEqualTo(DomainState.MISSING);
    }

    private void awaitReadyCount(String name, int count) {
        Await.until("boot #" + count + " of " + name, BOOT, () -> readyCount(name), n -> n >= count);
    }

    private int readyCount(String name) {
        try {
            String log = Files.exists(domains.serialLog(name)) ? Files.readString(domains.serialLog(name), java.nio.charset.StandardCharsets.ISO_8859_1) : "";
            return log.split("virtpanel-demo ready", -1).length - 1;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
