package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.virtpanel.base.PanelException.Kind;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Shell;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection survives libvirtd hanging, dropping the panel, and restarting: calls fail
 * within the call timeout with the translated message, and the next calls (or the probe)
 * reconnect without a panel restart.
 *
 * <p>The hang and the drop use the host's real libvirtd, for two seconds at most, with a
 * watchdog process that resumes it even if this JVM dies. The restart uses a private,
 * unprivileged libvirtd (test driver, its own socket): restarting the shared system daemon
 * would disturb everyone else's work on this machine for longer, and the restarted daemon
 * would belong to this test's process tree.
 */
class LibvirtOutageIT {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final String UNREACHABLE = "The host is unreachable right now. Please try again in a minute.";

    LibvirtConnection connection;

    @AfterEach
    void close() {
        if (connection != null) {
            connection.destroy();
        }
    }

    @Test
    void aHungLibvirtdMakesCallsFailWithinTheTimeoutAndTheConnectionRecoversWhenItResumes() throws Exception {
        connection = connection("qemu:///system", Duration.ZERO);
        connection.call("warm up", c -> c.getLibVirVersion());
        assertThat(connection.health().up()).isTrue();
        long pid = systemLibvirtd();

        Process watchdog = new ProcessBuilder("sh", "-c", "sleep 10; kill -CONT " + pid).start();
        long took;
        try {
            signal("STOP", pid);
            long start = System.nanoTime();
            // the guard only keeps a broken build from hanging; the call itself gives up after TIMEOUT
            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchFailure(
                    () -> connection.call("list servers", c -> c.listDomains())));
            took = (System.nanoTime() - start) / 1_000_000;
            assertThat(failure).isInstanceOfSatisfying(HostException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e.getMessage()).isEqualTo(UNREACHABLE);
            });
            assertThat(connection.health().up()).isFalse();

            // the next call must open a fresh connection, which hangs too: it gives up the same way
            long again = System.nanoTime();
            Throwable second = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchFailure(
                    () -> connection.call("read server state", c -> c.listDefinedDomains())));
            System.out.printf("hung libvirtd: a call needing a new connection failed after %d ms%n",
                    (System.nanoTime() - again) / 1_000_000);
            assertThat(second).isInstanceOfSatisfying(HostException.class, e -> assertThat(e.getMessage()).isEqualTo(UNREACHABLE));
        } finally {
            signal("CONT", pid);
            watchdog.destroy();
        }
        System.out.printf("hung libvirtd: the call failed after %d ms (timeout %d ms)%n", took, TIMEOUT.toMillis());

        Await.until("libvirt to answer again", Duration.ofSeconds(60), () -> answers(connection), ok -> ok);
        assertThat(connection.health().up()).isTrue();
    }

    @Test
    void aConnectionLibvirtdDropsIsReopenedByTheNextCall() {
        // nothing hangs here: the panel's own timeout, so a busy shared libvirtd is not taken for a lost one
        connection = connection("qemu:///system", Duration.ZERO, Duration.ofSeconds(15));
        Set<String> before = clientsOfThisProcess();
        connection.call("warm up", c -> c.getLibVirVersion());
        int opened = connection.opened();
        // ours is among the clients this JVM opened meanwhile; the test contexts cached in this JVM
        // may have (re)opened one too (they reopen on their next call), so all of those are dropped
        Set<String> ours = new HashSet<>(clientsOfThisProcess());
        ours.removeAll(before);
        assertThat(ours).isNotEmpty();

        ours.forEach(client -> assertThat(Shell.run("virt-admin", "client-disconnect", "libvirtd", client).ok()).isTrue());

        Await.until("a call after the drop to succeed", Duration.ofSeconds(30), () -> answers(connection), ok -> ok);
        assertThat(connection.opened()).isEqualTo(opened + 1);
        int[] ids = connection.call("list servers", c -> c.listDomains());
        assertThat(ids).isNotNull();
    }

    @Test
    void aRestartedLibvirtdIsReconnectedWithoutRestartingThePanel() throws Exception {
        try (var daemon = new PrivateDaemon()) {
            daemon.start();
            connection = connection(daemon.uri(), Duration.ofMillis(500));
            int[] before = connection.call("list servers", c -> c.listDomains());
            assertThat(before).containsExactly(1);

            daemon.stop();
            assertThatThrownBy(() -> connection.call("list servers", c -> c.listDomains()))
                    .isInstanceOfSatisfying(HostException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                        assertThat(e.getMessage()).isEqualTo(UNREACHABLE);
                    });
            Await.until("the health state to say unreachable", Duration.ofSeconds(10), () -> connection.health().up(), up -> !up);

            daemon.start();
            // nobody calls: the probe alone notices the daemon is back and reconnects
            Await.until("the probe to reconnect", Duration.ofSeconds(30), () -> connection.health().up(), up -> up);
            int[] after = connection.call("list servers", c -> c.listDomains());
            assertThat(after).containsExactly(1);
        }
    }

    @Test
    void theHealthStateIsNotUnreachableBeforeAnythingWasTried() {
        connection = connection("test:///default", Duration.ZERO);

        assertThat(connection.health().up()).isTrue();
        assertThat(connection.health().detail()).isEqualTo("not checked yet");
    }

    static LibvirtConnection connection(String uri, Duration probe) {
        return connection(uri, probe, TIMEOUT);
    }

    static LibvirtConnection connection(String uri, Duration probe, Duration callTimeout) {
        var properties = new HostProperties(
                new HostProperties.Libvirt(uri, "qemu", callTimeout, 1, 3, "", "q35", probe, Duration.ofSeconds(60),
                        Path.of("/run/libvirt/qemu")),
                new HostProperties.Storage(Path.of("/tmp/vp-unused"), "unused"),
                new HostProperties.Network("unused", "unused", "10.131.0.0/24", "", java.time.Duration.ofHours(1)));
        return new LibvirtConnection(properties, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    static boolean answers(LibvirtConnection connection) {
        try {
            connection.call("check", c -> c.getLibVirVersion());
            return true;
        } catch (HostException e) {
            return false;
        }
    }

    static Throwable catchFailure(Runnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    static long systemLibvirtd() throws IOException {
        return Long.parseLong(Files.readString(Path.of("/run/libvirtd.pid")).trim());
    }

    static void signal(String signal, long pid) {
        Shell.run("kill", "-" + signal, Long.toString(pid));
    }

    /** The ids libvirtd gives this JVM's connections. */
    static Set<String> clientsOfThisProcess() {
        String self = Long.toString(ProcessHandle.current().pid());
        return Arrays.stream(Shell.run("virt-admin", "srv-clients-list", "libvirtd").output().split("\n"))
                .map(String::trim)
                .filter(line -> line.matches("\\d+\\s+unix.*"))
                .map(line -> line.split("\\s+")[0])
                .filter(id -> Shell.run("virt-admin", "client-info", "libvirtd", id).output()
                        .matches("(?s).*unix_process_id: " + self + "\\b.*"))
                .collect(Collectors.toSet());
    }

    /** An unprivileged libvirtd of our own (user nobody, session mode), serving the test driver on its own socket. */
    static final class PrivateDaemon implements AutoCloseable {
        private final Path dir;

        PrivateDaemon() throws IOException {
            dir = Files.createTempDirectory("vp-" + DemoGuests.TEST_ID + "-libvirtd-");
            Files.createDirectories(dir.resolve("home"));
            Files.createDirectories(dir.resolve("run"));
            Shell.run("chown", "-R", "nobody:nogroup", dir.toString());
            Shell.run("chmod", "0755", dir.toString());
            Shell.run("chmod", "0700", dir.resolve("run").toString());
        }

        String uri() {
            return "test+unix:///default?socket=" + socket();
        }

        Path socket() {
            return dir.resolve("run/libvirt/libvirt-sock");
        }

        void start() {
            var result = Shell.run("runuser", "-u", "nobody", "--", "env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
                    "HOME=" + dir.resolve("home"), "XDG_RUNTIME_DIR=" + dir.resolve("run"), "libvirtd", "-d");
            assertThat(result.ok()).as(result.output()).isTrue();
            Await.until("the private libvirtd to listen", Duration.ofSeconds(30),
                    () -> Shell.run("virsh", "-c", uri(), "version").ok(), ok -> ok);
        }

        void stop() {
            Long pid = pid();
            if (pid != null) {
                signal("TERM", pid);
                Await.until("the private libvirtd to exit", Duration.ofSeconds(30),
                        () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
            }
        }

        private Long pid() {
            try {
                return Long.parseLong(Files.readString(dir.resolve("run/libvirt/libvirtd.pid")).trim());
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            stop();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
