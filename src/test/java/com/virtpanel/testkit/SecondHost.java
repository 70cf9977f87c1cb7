package com.virtpanel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second, private libvirt host on this machine: its own libvirtd and virtlogd, which a test may
 * stop and restart at will (the machine's shared libvirtd serves every other suite and is never
 * touched). They run in a mount namespace of their own, held open by a {@code sleep} that outlives
 * the daemons so that {@link #restart()} brings libvirtd back into the same namespace: a tmpfs
 * {@code /run}, empty {@code /var/lib/libvirt}, {@code /var/cache/libvirt}, {@code /var/log/libvirt}
 * and a copy of {@code /etc/libvirt} without the shared daemon's domains, networks, pools and
 * secrets (else it would autostart the shared "default" network a second time).
 *
 * <p>It shares the machine's network namespace: the panel's host-side work (tc on taps,
 * firewall rules) must reach its guests' taps, so guests name their taps themselves (DomainXml)
 * rather than take libvirt's per-daemon vnetN, and the panel on this host gets a bridge, a CIDR,
 * a pool and a storage directory of its own ({@link #panelProperties()}). Its TCP port is free at
 * start and kept across restarts; everything is per test id and JVM, so forks and checkouts
 * never meet.
 */
public final class SecondHost {

    private static final int THIRD_OCTET_OFFSET = 128;
    private static final int LIBVIRTD_LAUNCHES = 3;

    private final Path dir = Path.of("/var/tmp", "vp-second-" + TestHost.ID + "-" + ProcessHandle.current().pid());
    private Process holder;
    private int port;
    private Thread shutdownHook;

    public synchronized void start() {
        if (holder != null) {
            return;
        }
        try {
            // a second host of an earlier run that died (its libvirtd killed before it took its network
            // down) left its bridge and the bridge's dnsmasq in the shared network namespace: the
            // address range and dnsmasq's socket would clash with ours
            Shell.run("pkill", "-f", "dnsmasq/" + network() + "\\.conf");
            Shell.run("ip", "link", "delete", bridge());
            prepareDirectories();
            port = freePort();
            writeConfig();
            holder = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "set -e; mount -t tmpfs tmpfs /run; mkdir -p /run/libvirt /run/lock;"
                            + " mount --bind " + dir.resolve("lib") + " /var/lib/libvirt;"
                            + " mount --bind " + dir.resolve("cache") + " /var/cache/libvirt;"
                            + " mount --bind " + dir.resolve("log") + " /var/log/libvirt;"
                            + " mount --bind " + dir.resolve("etc") + " /etc/libvirt;"
                            + " mount --bind " + dir.resolve("alternatives") + " /etc/alternatives;"
                            + " touch " + dir.resolve("ready") + "; exec sleep infinity")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("holder.log").toFile()).start();
            shutdownHook = new Thread(this::stopQuietly, "second-host-cleanup");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            awaitFile(dir.resolve("ready"), "namespace holder (see " + dir.resolve("holder.log") + ")");
            inNamespace("virtlogd", "-d", "-p", dir.resolve("virtlogd.pid").toString());
            startLibvirtd();
        } catch (IOException e) {
            stopQuietly();
            throw new IllegalStateException("second libvirt host did not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
    }

    /** Where the panel connects to this host. */
    public String uri() {
        return "qemu+tcp://127.0.0.1:" + port + "/system";
    }

    /**
     * The settings of a panel in the test JVM, outside the namespace: it reaches this host's libvirtd
     * over TCP, and its guests' pid files in the namespace's own /run through the holder.
     */
    public Map<String, Object> panelProperties() {
        var properties = new java.util.HashMap<>(resources());
        properties.put("panel.libvirt.uri", uri());
        properties.put("panel.libvirt.run-dir", "/proc/" + holder.pid() + "/root/run/libvirt/qemu");
        return properties;
    }

    /**
     * The settings of a panel inside the namespace ({@link #inNamespace(List)}), as on a host of its
     * own: the local libvirtd, and the address other hosts' libvirtds reach this one at.
     */
    public Map<String, Object> hostPanelProperties() {
        var properties = new java.util.HashMap<>(resources());
        properties.put("panel.libvirt.uri", "qemu:///system");
        properties.put("panel.host.migration-uri", uri());
        return properties;
    }

    /** A network, pool, storage and data directory of its own, wherever its panel runs. */
    private Map<String, Object> resources() {
        String name = network();
        return Map.of("panel.network.name", name,
                "panel.network.bridge", bridge(),
                "panel.network.cidr", cidr(TestHost.CIDR),
                "panel.storage.pool", name,
                "panel.storage.dir", storageDir().toString(),
                "panel.data-dir", dir.resolve("data").toString(),
                "panel.backup.dir", dir.resolve("backups").toString());
    }

    /** Where this host's panel keeps disks and serial logs. */
    public Path storageDir() {
        return dir.resolve("storage");
    }

    /** A process that runs {@code command} inside this host's namespace. */
    public ProcessBuilder inNamespace(List<String> command) {
        var full = new java.util.ArrayList<>(List.of("nsenter", "-t", String.valueOf(holder.pid()), "-m"));
        full.addAll(command);
        return new ProcessBuilder(full);
    }

    /** Its libvirt network (and storage pool) name: one per fork and checkout. */
    private static String network() {
        return "vp2-" + TestHost.ID;
    }

    /** Its network's bridge, in the machine's network namespace: one per fork and checkout. */
    private static String bridge() {
        return "vpb2-" + TestHost.ID;
    }

    /** The checkout's /24 moved up by 128 in its third octet: never a fork's network (those count up from it). */
    static String cidr(String base) {
        String[] octets = base.split("/")[0].split("\\.");
        int third = Integer.parseInt(octets[2]) + THIRD_OCTET_OFFSET;
        if (third > 255) {
            throw new IllegalStateException("no room for a second host's network after " + base);
        }
        return octets[0] + "." + octets[1] + "." + third + ".0/24";
    }

    /** The panel's settings as command-line arguments, for a SpringApplicationBuilder. */
    public String[] panelArguments(String... more) {
        return arguments(panelProperties(), more);
    }

    static String[] arguments(Map<String, Object> properties, String... more) {
        var args = new java.util.ArrayList<String>(List.of(more));
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        return args.toArray(String[]::new);
    }

    /** virsh against this host. */
    public String virsh(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "virsh";
        command[1] = "-c";
        command[2] = uri();
        System.arraycopy(args, 0, command, 3, args.length);
        return Shell.run(command).output().trim();
    }

    /** Stops libvirtd (by the PID it wrote) and starts it again in the same namespace; guests keep running. */
    public synchronized void restart() {
        killByPidFile(dir.resolve("libvirtd.pid"));
        startLibvirtd();
    }

    /** Stops libvirtd only, to see the panel cope while it is away. */
    public synchronized void stopLibvirtd() {
        killByPidFile(dir.resolve("libvirtd.pid"));
    }

    /**
     * Starts libvirtd and waits until it answers. Like systemd's {@code Restart=on-failure} for the
     * machine's own daemon, a daemon that exits while it starts is started again: its nwfilter
     * driver re-applies the running guests' ebtables rules at start, and ebtables (nf_tables)
     * fails such a rule when another process changes the table at the same moment ("RULE_DELETE
     * failed"), as the other forks' guests do; libvirtd then gives up ("Driver state
     * initialization failed") and exits. This host's ebtables retries such a command
     * ({@link #retryEbtablesRaces()}); a relaunch, after a pause, covers what else may go wrong.
     */
    public synchronized void startLibvirtd() {
        Path pidFile = dir.resolve("libvirtd.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Shell.Result last = null;
        for (int launch = 1; launch <= LIBVIRTD_LAUNCHES; launch++) {
            inNamespace("libvirtd", "-d", "--listen", "-p", pidFile.toString());
            while (System.nanoTime() < deadline && daemonAlive(pidFile)) {
                last = Shell.run("virsh", "-c", uri(), "version");
                if (last.ok()) {
                    return;
                }
                sleep(200);
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            System.err.println("second libvirt host: libvirtd exited while starting (launch " + launch + "), starting it again:\n"
                    + tail(dir.resolve("log").resolve("libvirtd.log")));
            sleep(1000L * launch);
        }
        throw new IllegalStateException("second libvirtd does not answer on " + uri() + ": "
                + (last == null ? "" : last.output()) + "\n" + tail(dir.resolve("log").resolve("libvirtd.log")));
    }

    /** Whether the daemon that wrote this pid file still runs (it removes the file when it exits). */
    private static boolean daemonAlive(Path pidFile) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Destroys this host's guests and networks, stops its daemons and removes its directory. */
    public synchronized void stop() {
        if (holder == null) {
            return;
        }
        try {
            if (Files.exists(dir.resolve("libvirtd.pid")) && Shell.run("virsh", "-c", uri(), "version").ok()) {
                for (String guest : virsh("list", "--all", "--name").lines().filter(l -> !l.isBlank()).toList()) {
                    virsh("destroy", guest);
                    virsh("undefine", guest, "--nvram");
                }
                for (String net : virsh("net-list", "--all", "--name").lines().filter(l -> !l.isBlank()).toList()) {
                    virsh("net-destroy", net);
                    virsh("net-undefine", net);
                }
            }
            killByPidFile(dir.resolve("libvirtd.pid"));
            killByPidFile(dir.resolve("virtlogd.pid"));
        } finally {
            holder.destroy();
            try {
                holder.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            holder = null;
            reportEbtablesRetries();
            deleteTree(dir);
            if (shutdownHook != null && !Thread.currentThread().equals(shutdownHook)) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs now anyway
                }
            }
        }
    }

    private void reportEbtablesRetries() {
        Path retries = dir.resolve("log").resolve("ebtables-retries.log");
        try {
            if (Files.exists(retries)) {
                System.err.println("second libvirt host: ebtables commands run again after losing a race:\n" + Files.readString(retries));
            }
        } catch (IOException e) {
            System.err.println("second libvirt host: cannot read " + retries + ": " + e.getMessage());
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("second libvirt host: clean-up failed: " + e.getMessage());
        }
    }

    private void prepareDirectories() throws IOException {
        deleteTree(dir);
        for (String sub : List.of("lib", "cache", "log", "storage", "data", "backups")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Path etc = dir.resolve("etc");
        Shell.Result copy = Shell.run("cp", "-a", "/etc/libvirt", etc.toString());
        if (!copy.ok()) {
            throw new IOException("cannot copy /etc/libvirt: " + copy.output());
        }
        // the shared daemon's own definitions: a second daemon would run (and autostart) them too
        for (String sub : List.of("qemu", "storage", "secrets")) {
            deleteTree(etc.resolve(sub));
            Files.createDirectories(etc.resolve(sub));
        }
        retryEbtablesRaces();
    }

    /**
     * This host's ebtables (libvirt calls /usr/sbin/ebtables, a link through /etc/alternatives)
     * runs a command again when it loses a race with the other host's ebtables on the shared
     * kernel: see ebtables-retrying.sh. A restarted libvirtd otherwise exits when one of the rules
     * it re-applies at start meets another fork's guest starting.
     */
    private void retryEbtablesRaces() throws IOException {
        Path alternatives = dir.resolve("alternatives");
        Shell.Result copy = Shell.run("cp", "-a", "/etc/alternatives", alternatives.toString());
        if (!copy.ok()) {
            throw new IOException("cannot copy /etc/alternatives: " + copy.output());
        }
        Path wrapper = dir.resolve("ebtables-retrying.sh");
        try (var script = SecondHost.class.getResourceAsStream("ebtables-retrying.sh")) {
            Files.copy(Objects.requireNonNull(script, "ebtables-retrying.sh"), wrapper);
        }
        wrapper.toFile().setExecutable(true);
        Files.deleteIfExists(alternatives.resolve("ebtables"));
        Files.createSymbolicLink(alternatives.resolve("ebtables"), wrapper);
    }

    private void writeConfig() throws IOException {
        Files.writeString(dir.resolve("etc").resolve("libvirtd.conf"), String.join("\n",
                "# tests only: a private daemon on loopback, no authentication",
                "listen_tls = 0",
                "listen_tcp = 1",
                "listen_addr = \"127.0.0.1\"",
                "tcp_port = \"" + port + "\"",
                "auth_tcp = \"none\"",
                "log_outputs = \"3:file:/var/log/libvirt/libvirtd.log\"",
                ""), StandardCharsets.UTF_8);
        // Both daemons share the machine's ports: from the same VNC range each would hand out
        // 5900 to a guest of its own, and the second QEMU to bind it fails to start
        // (and its migration ports, where a guest migrating in is received and its disk copied to)
        int displays = 6100 + (port % 30) * 100;
        int migrations = 50000 + (port % 30) * 100;
        Files.writeString(dir.resolve("etc").resolve("qemu.conf"), String.join("\n",
                "remote_display_port_min = " + displays,
                "remote_display_port_max = " + (displays + 99),
                "migration_port_min = " + migrations,
                "migration_port_max = " + (migrations + 99),
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void inNamespace(String... command) {
        Shell.Result r = Shell.run(inNamespace(List.of(command)).command().toArray(String[]::new));
        if (!r.ok()) {
            throw new IllegalStateException("second libvirt host: " + String.join(" ", command) + " failed: " + r.output());
        }
    }

    private static void killByPidFile(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitFile(Path file, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("second libvirt host: " + what + " not ready: " + tail(file.resolveSibling("holder.log")));
            }
            sleep(50);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no " + log + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
