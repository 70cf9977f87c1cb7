package com.virtpanel.testkit;

import com.virtpanel.VirtpanelApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second host as production has one: a {@link SecondHost} and a panel instance in a process of
 * its own inside that host's namespace. The panel drives the local libvirtd ({@code qemu:///system},
 * the namespace's {@code /run}), finds its guests' pid files where libvirt writes them, and shares
 * only the database (and the test JVM's PowerDNS) with the panels of the test JVM. Tests reach it as
 * other hosts do: through the database, its libvirtd and its HTTP port.
 */
public final class HostPanelProcess implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(5);

    private final SecondHost host = new SecondHost();
    private final Path log = Path.of("target", "host-panel-" + TestHost.ID + "-" + ProcessHandle.current().pid() + ".log")
            .toAbsolutePath();
    private Process process;
    private int port;
    private String[] settings;

    private HostPanelProcess() {
    }

    /** Starts the host and its panel (test profile) with these more settings ({@code "--panel.host.name=b"}). */
    public static HostPanelProcess start(String... settings) {
        DemoImage.require();
        var panel = new HostPanelProcess();
        try {
            panel.host.start();
            panel.launch(settings);
            return panel;
        } catch (RuntimeException | IOException e) {
            panel.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    private void launch(String... settings) throws IOException {
        this.settings = settings;
        port = SecondHost.freePort();
        var command = new ArrayList<>(TestJvm.command(VirtpanelApplication.class, "-Xmx1g"));
        command.addAll(List.of(SecondHost.arguments(host.hostPanelProperties(), settings)));
        command.addAll(List.of("--spring.profiles.active=test", "--server.port=" + port));
        TestPowerDns.ensureStarted();
        command.addAll(List.of("--panel.dns.api-url=" + TestPowerDns.apiUrl(), "--panel.dns.api-key=" + TestPowerDns.apiKey()));
        process = host.inNamespace(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START.toNanos();
        while (!logText().contains("Started VirtpanelApplication")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the second host's panel did not start (" + log + "):\n" + tail());
            }
            Await.sleep(250);
        }
    }

    /** Kills the panel (SIGKILL), as a crash or a power cut would; its host's libvirtd and guests run on. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the panel again with the same settings (on another port), as its service manager would. */
    public void restart() {
        try {
            launch(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SecondHost host() {
        return host;
    }

    /** Its HTTP port on loopback. */
    public int port() {
        return port;
    }

    /** What its guest wrote to the serial console so far. */
    public String serial(String domain) {
        return Guests.read(host.storageDir().resolve("logs").resolve(domain + ".serial.log"));
    }

    /** Waits until its guest's serial console shows {@code text}; returns the log. */
    public String awaitSerial(String domain, String text) {
        return Await.until("\"" + text + "\" on the serial console of " + domain + " on the second host", Guests.BOOT,
                () -> serial(domain), s -> s.contains(text));
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops the panel (as its service manager would), then the host with its guests. */
    @Override
    public void close() {
        try {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            host.stop();
        }
    }
}
