package com.virtpanel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.backup.BackupInfo;
import com.virtpanel.backup.BackupService;
import com.virtpanel.backup.BackupStatus;
import com.virtpanel.base.CapacityException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.hosts.HostSchedulers;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.console.ConsoleTicket;
import com.virtpanel.console.ConsoleTickets;
import com.virtpanel.network.FirewallRule;
import com.virtpanel.network.FirewallService;
import com.virtpanel.quota.Host;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerMigrations;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerPower;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.ConsoleClient;
import com.virtpanel.testkit.CorePins;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.HostPanelProcess;
import com.virtpanel.testkit.PostgresSchema;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.TestHost;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VerifiedEmails;
import com.virtpanel.usage.Measure;
import com.virtpanel.usage.MetricType;
import com.virtpanel.usage.UsageService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hosts, two panel instances on one PostgreSQL schema: panel A (in the test JVM) drives this
 * machine's libvirtd, panel B runs in a process of its own inside a {@link com.virtpanel.testkit.SecondHost}'s
 * namespace and drives that host's libvirtd ({@link HostPanelProcess}), as on a machine of its own. With A in maintenance, an order made through A
 * is placed on B and its steps run on B's instance (A only stores the job in B's scheduler): the
 * guest exists on B's libvirtd and not on A's. Each instance beats for its own host.
 */
class TwoHostsIT {

    private static final String HOST_A = "a-" + TestHost.ID;
    private static final String HOST_B = "b-" + TestHost.ID;

    /** Short, for the host-loss case; long enough that a loaded machine's late heartbeat never reads as a lost host. */
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

    private static ConfigurableApplicationContext a;
    private static HostPanelProcess b;
    private static JdbcTemplate db;

    @BeforeAll
    static void startBothHosts() {
        DemoImage.require();
        String schema = PostgresSchema.newSchema();
        // each host reserves a core for dedicated vCPUs, not the same one: a server moving keeps its
        // own core, a different one there, and every guest's pinning follows the host it runs on
        a = new SpringApplicationBuilder(VirtpanelApplication.class).run(java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--spring.profiles.active=test,postgres", "--server.port=0"),
                java.util.Arrays.stream(settings(schema, HOST_A, "1"))).toArray(String[]::new));
        // HostPanelProcess sets the test profile and port itself
        b = HostPanelProcess.start(java.util.stream.Stream.concat(java.util.stream.Stream.of("--spring.profiles.include=postgres"),
                java.util.Arrays.stream(settings(schema, HOST_B, "0"))).toArray(String[]::new));
        db = a.getBean(JdbcTemplate.class);
        // B's process says "Started" before it registers its host (an ApplicationStartedEvent listener)
        Await.until("B to register its host with its capacity", Duration.ofMinutes(2), () -> db.queryForList(
                "SELECT memory_mib FROM hosts WHERE name = ?", Long.class, HOST_B), m -> !m.isEmpty() && m.get(0) > 0);
    }

    @AfterAll
    static void stop() {
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            if (a != null) {
                a.getBean(Guests.class).removeAll();
                a.close();
            }
        }
    }

    private static String[] settings(String schema, String host, String dedicatedCores) {
        return new String[] {"--spring.datasource.url=" + PostgresSchema.urlFor(schema),
                "--spring.datasource.username=" + PostgresSchema.user(),
                "--spring.datasource.password=" + PostgresSchema.password(),
                "--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema,
                // one database: one global scheduler, and host schedulers named alike on both instances
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=two-" + schema,
                "--panel.host.scheduler-prefix=two-" + schema + "-host-",
                "--panel.host.name=" + host, "--panel.host.dedicated-cores=" + dedicatedCores,
                "--panel.fleet.heartbeat-interval=1s", "--panel.fleet.heartbeat-timeout=" + HEARTBEAT_TIMEOUT.toSeconds() + "s",
                // no reconciler pass puts firewall rules back meanwhile: a moved server's come from its arrival alone
                "--panel.firewall.reconcile-interval=1h"};
    }

    @Test
    void withAInMaintenanceAnOrderThroughAIsPlacedOnBAndProvisionedByB() {
        AccountSummary admin = a.getBean(Users.class).admin();
        Users.as(admin, () -> a.getBean(FleetService.class).maintenance(HOST_A));
        try {
            AccountSummary customer = newCustomer("placed-on-b");
            ServerInfo ordered = Users.as(customer, () -> a.getBean(ServerOrders.class).order(order("on-b")));
            assertThat(hostOf(ordered.id())).isEqualTo(HOST_B);

            ServerInfo running = Users.as(customer, () -> Await.until("the server to run", Guests.BOOT,
                    () -> a.getBean(ServerService.class).get(ordered.id()), s -> s.status() == ServerStatus.RUNNING));
            assertThat(b.host().virsh("list", "--all", "--name").lines()).as("B's libvirtd").contains(running.domain());
            assertThat(Shell.virsh("list", "--all", "--name").lines()).as("A's libvirtd").doesNotContain(running.domain());
            assertThat(b.awaitSerial(running.domain(), "virtpanel-demo ready")).contains("hostname=on-b");

            // its console, through A: A checks the ticket and forwards the WebSocket to B's instance,
            // the only one that reaches the guest's VNC server; the opening is audited once, on A
            int portA = a.getEnvironment().getProperty("local.server.port", Integer.class);
            assertThat(consoleUrl(HOST_B)).isEqualTo("http://127.0.0.1:" + b.port());
            String token = a.getBean(ApiTokenService.class).issueSessionToken(customer.id()).token();
            ConsoleTicket ticket = Users.as(customer, () -> a.getBean(ConsoleTickets.class).forApi(ordered.id()));
            assertThat(ConsoleClient.rfbGreeting(portA, ticket.path(), token)).startsWith("RFB 003.");
            assertThat(db.queryForObject("SELECT COUNT(*) FROM console_ticket WHERE server_id = ? AND relay AND used_at IS NOT NULL",
                    Integer.class, ordered.id())).as("one forwarding, its relay ticket used up").isEqualTo(1);
            Await.until("the console's opening in the audit log", Duration.ofSeconds(30), () -> db.queryForObject(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'console.opened' AND server_id = ?", Integer.class, ordered.id()),
                    n -> n > 0);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'console.opened' AND server_id = ?",
                    Integer.class, ordered.id())).isEqualTo(1);

            // a backup asked of A is made on B, whose libvirtd has the guest
            BackupService backups = a.getBean(BackupService.class);
            long backupId = Users.as(customer, () -> backups.backUpNow(ordered.id())).id();
            BackupInfo backup = Await.until("the backup to finish", Duration.ofMinutes(5),
                    () -> Users.as(customer, () -> backups.list(ordered.id())).stream().filter(x -> x.id() == backupId).findFirst().orElseThrow(),
                    x -> x.status() != BackupStatus.RUNNING);
            assertThat(backup.status()).as(String.valueOf(backup.detail())).isEqualTo(BackupStatus.OK);

            // power actions asked of A are carried out by B; the status follows B's guest
            ServerPower power = a.getBean(ServerPower.class);
            Users.as(customer, () -> power.powerOff(ordered.id()));
            Await.until("B's guest to be off", Duration.ofMinutes(2), () -> b.host().virsh("domstate", running.domain()), "shut off"::equals);
            awaitStatus(customer, ordered.id(), ServerStatus.STOPPED);
            Users.as(customer, () -> power.start(ordered.id()));
            Await.until("B's guest to run again", Duration.ofMinutes(2), () -> b.host().virsh("domstate", running.domain()), "running"::equals);
            awaitStatus(customer, ordered.id(), ServerStatus.RUNNING);
        } finally {
            Users.as(admin, () -> a.getBean(FleetService.class).activate(HOST_A));
        }
    }

    /** Runs after first boot: a count on the serial console every second, so a restart (which starts again at 1) would show. */
    private static final String COUNTER = "#!/bin/sh\ni=0\nwhile true; do\n  i=$((i+1))\n  echo mig-counter-$i > /dev/ttyS0\n"
            + "  sleep 1\ndone\n";

    @Test
    void drainingAMovesItsRunningServerUnrestartedAndItsStoppedServerStoppedToBWithCapConsoleAndDisk() {
        AccountSummary admin = a.getBean(Users.class).admin();
        Users.as(admin, () -> a.getBean(CatalogService.class).createPlan(new PlanDraft("dedicated-1", "Dedicated 1", 1, 256, 2, 100,
                512, 200, 20, 250, 100, 1000, 10, null, 900, "EUR").withDedicatedVcpus(1)));
        ServerMigrations migrations = a.getBean(ServerMigrations.class);
        AccountSummary customer = newCustomer("mover");
        ServerInfo ordered;
        ServerInfo sleeper;
        Users.as(admin, () -> a.getBean(FleetService.class).maintenance(HOST_B));
        try {
            ordered = Users.as(customer, () -> a.getBean(ServerOrders.class).order(
                    new OrderRequest("mover", "nano", "demo", List.of(TestKeys.ED25519), null, null, COUNTER)));
            sleeper = Users.as(customer, () -> a.getBean(ServerOrders.class).order(
                    new OrderRequest("sleeper", "dedicated-1", "demo", List.of(TestKeys.ED25519), null, null)));
            assertThat(hostOf(ordered.id())).isEqualTo(HOST_A);
            awaitStatus(customer, ordered.id(), ServerStatus.RUNNING);
            // B takes no new servers, moved ones included
            assertThatThrownBy(() -> Users.as(admin, () -> migrations.migrate(ordered.id(), HOST_B)))
                    .isInstanceOf(CapacityException.class).hasMessageContaining("cannot take the server now");
        } finally {
            Users.as(admin, () -> a.getBean(FleetService.class).activate(HOST_B));
        }
        long id = ordered.id();
        String domain = ordered.domain();
        a.getBean(Guests.class).awaitSerial(domain, "mig-counter-3");
        // the customer's firewall: applied on A; then taken out of the kernel, as B's own kernel would not
        // have it (the test bed's hosts share one nftables): on B it is back by the server's arrival
        String inChain = "in_" + ordered.ipv4().replace('.', '_');
        Users.as(customer, () -> a.getBean(FirewallService.class).attach(a.getBean(FirewallService.class).create("web",
                List.of(new FirewallRule("in", "tcp", "443", List.of("0.0.0.0/0")))).id(), id));
        Await.until("the firewall on A", Duration.ofSeconds(30), () -> nftChain(inChain), rules -> rules.contains("dport 443"));
        Shell.run("nft", "flush", "chain", "inet", "virtpanel_fw", inChain);
        assertThat(nftChain(inChain)).doesNotContain("dport 443");
        long quotaOnA = Host.cgroupVcpuQuota(domain);
        awaitStatus(customer, sleeper.id(), ServerStatus.RUNNING);
        assertThat(CorePins.vcpu0(Shell.virsh("vcpupin", domain))).as("a shared guest on A's shared core").isEqualTo("0");
        assertThat(CorePins.vcpu0(Shell.virsh("vcpupin", sleeper.domain()))).as("the dedicated guest on A's reserved core").isEqualTo("1");
        Users.as(customer, () -> a.getBean(ServerPower.class).powerOff(sleeper.id()));
        awaitStatus(customer, sleeper.id(), ServerStatus.STOPPED);

        // only admins move servers, and never to where they are
        assertThatThrownBy(() -> Users.as(customer, () -> migrations.migrate(id, HOST_B))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Users.as(admin, () -> migrations.migrate(id, HOST_A)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already");

        // a move the target cannot take (its network is not there) leaves the guest running on A, as it was
        String network = db.queryForObject("SELECT network_name FROM hosts WHERE name = ?", String.class, HOST_B);
        db.update("UPDATE hosts SET network_name = 'no-such-network' WHERE name = ?", HOST_B);
        try {
            Users.as(admin, () -> migrations.migrate(id, HOST_B));
            ServerInfo kept = Users.as(customer, () -> Await.until("the failed move to end", Duration.ofMinutes(3),
                    () -> a.getBean(ServerService.class).get(id), x -> !x.busy()));
            assertThat(kept.status()).isEqualTo(ServerStatus.RUNNING);
            assertThat(kept.failureReason().english()).contains("keeps running where it was");
        } finally {
            db.update("UPDATE hosts SET network_name = ? WHERE name = ?", network, HOST_B);
        }
        assertThat(hostOf(id)).isEqualTo(HOST_A);
        assertThat(Shell.virsh("domstate", domain)).isEqualTo("running");
        assertThat(b.host().virsh("list", "--all", "--name").lines()).doesNotContain(domain);
        // the seed written on B for its arrival is removed there again, by B's instance
        Await.until("B's files of the failed move to go", Duration.ofMinutes(1), () -> filesOnB(domain), List::isEmpty);

        // draining A, asked ten times at once: each server moves once (placement picks B, the only
        // other host); the other requests say it stays for now because it is busy moving
        int countBefore = lastCount(a.getBean(Guests.class).serial(domain));
        List<Drain> drains;
        try {
            drains = Together.run(10, i -> Users.as(admin, () -> a.getBean(FleetService.class).drain(HOST_A)));
        } finally {
            Users.as(admin, () -> a.getBean(FleetService.class).activate(HOST_A));
        }
        assertThat(drains.stream().flatMap(d -> d.moving().stream()).toList()).containsExactlyInAnyOrder(id, sleeper.id());
        assertThat(drains.stream().flatMap(d -> d.staying().values().stream()).toList()).hasSize(18)
                .allSatisfy(why -> assertThat(why.english()).startsWith("The server is busy"));
        assertThat(drains).allSatisfy(d -> assertThat(d.host().chosenState()).isEqualTo(HostState.DRAINING));

        // the running one runs on B, resumed, never booted: its count goes on where it was (a TCG guest,
        // as here, is paused while it is copied: GuestMigration#live). B's heartbeat
        // may be late while it takes two moves on this loaded TCG machine (seen: 33 s), and its
        // servers read "unreachable" until it is heard again: the move has ended when B is heard too.
        ServerInfo moved = Users.as(customer, () -> Await.until("the move to end and B to be heard", Duration.ofMinutes(5),
                () -> a.getBean(ServerService.class).get(id), x -> !x.busy() && !x.hostUnreachable()));
        assertThat(moved.failureReason()).isNull();
        assertThat(moved.status()).isEqualTo(ServerStatus.RUNNING);
        assertThat(hostOf(id)).isEqualTo(HOST_B);
        assertThat(b.host().virsh("domstate", domain, "--reason")).as("resumed from the migration, never booted").isEqualTo("running (migrated)");
        assertThat(Shell.virsh("list", "--all", "--name").lines()).as("gone from A").doesNotContain(domain);
        assertThat(Shell.virsh("vol-list", "vp-" + TestHost.ID)).as("its disk and seed gone from A's pool").doesNotContain(domain + "-");
        assertThat(b.host().virsh("dumpxml", domain)).as("anti-spoofing on B").contains("<filterref");
        assertThat(b.host().virsh("list", "--persistent", "--name").lines()).as("defined on B").contains(domain);
        // B's log holds only what the guest printed there: counts that go on from A's, never a boot.
        // Compared as numbers: the guest counted on A during the copy, so no given count need be in
        // B's log, and its text matches a count ten times as high (waiting for it cost 80 s).
        String onB = Await.until("the count to go on on B", Guests.BOOT, () -> b.serial(domain), s -> counts(s).size() >= 3);
        assertThat(counts(onB).get(0)).as("the first count on B follows A's").isGreaterThan(countBefore);
        assertThat(onB).doesNotContain("virtpanel-demo ready").doesNotContainPattern("mig-counter-1\\b"); // a restart counts from 1
        // B's sampler fills its usage graph now, its CPU cap holds in B's cgroup, and its console is reached through A
        Instant arrivedAt = Instant.now();
        Users.as(customer, () -> Await.until("CPU samples taken on B", Duration.ofMinutes(2),
                () -> a.getBean(UsageService.class).metrics(id, List.of(MetricType.CPU), arrivedAt, Instant.now().plusSeconds(1))
                        .series(Measure.CPU).points(), points -> points.size() >= 2));
        assertThat(Host.cgroupVcpuQuota(domain)).isEqualTo(quotaOnA).isPositive();
        Await.until("the firewall applied on B", Duration.ofSeconds(30), () -> nftChain(inChain), rules -> rules.contains("dport 443"));
        assertThat(CorePins.vcpu0(b.host().virsh("vcpupin", domain))).as("on B's shared core now").isEqualTo("1");
        assertThat(CorePins.emulator(b.host().virsh("emulatorpin", domain))).isEqualTo("1");
        int portA = a.getEnvironment().getProperty("local.server.port", Integer.class);
        String token = a.getBean(ApiTokenService.class).issueSessionToken(customer.id()).token();
        ConsoleTicket ticket = Users.as(customer, () -> a.getBean(ConsoleTickets.class).forApi(id));
        assertThat(ConsoleClient.rfbGreeting(portA, ticket.path(), token)).startsWith("RFB 003.");
        assertThat(db.queryForList("SELECT action FROM audit_event WHERE server_id = ? AND action LIKE 'server.migrat%'", String.class, id))
                .containsExactlyInAnyOrder("server.migrate", "server.migrate", "server.migrated"); // the failed move, then this one

        // the stopped one is stopped on B, defined there with its disk and seed: started, it boots there
        ServerInfo arrived = Users.as(customer, () -> Await.until("the stopped server's move to end and B to be heard",
                Duration.ofMinutes(5), () -> a.getBean(ServerService.class).get(sleeper.id()), x -> !x.busy() && !x.hostUnreachable()));
        assertThat(arrived.failureReason()).isNull();
        assertThat(arrived.status()).isEqualTo(ServerStatus.STOPPED);
        assertThat(hostOf(sleeper.id())).isEqualTo(HOST_B);
        assertThat(b.host().virsh("domstate", sleeper.domain())).isEqualTo("shut off");
        assertThat(CorePins.vcpu0(b.host().virsh("vcpupin", sleeper.domain()))).as("on the core it took on B").isEqualTo("0");
        assertThat(db.queryForList("SELECT host || ':' || core FROM dedicated_core WHERE server_id = ?", String.class, sleeper.id()))
                .as("A's core freed when it arrived").containsExactly(HOST_B + ":0");
        assertThat(Shell.virsh("list", "--all", "--name").lines()).as("gone from A").doesNotContain(sleeper.domain());
        assertThat(Shell.virsh("vol-list", "vp-" + TestHost.ID)).doesNotContain(sleeper.domain() + "-");
        Users.as(customer, () -> a.getBean(ServerPower.class).start(sleeper.id()));
        assertThat(b.awaitSerial(sleeper.domain(), "virtpanel-demo ready")).contains("hostname=sleeper");
    }

    /** The rules of one chain of the panel's firewall table, as nft lists them. */
    private static String nftChain(String chain) {
        return Shell.run("nft", "list", "chain", "inet", "virtpanel_fw", chain).output();
    }

    /** The files of {@code domain} in B's pool directory. */
    private static List<String> filesOnB(String domain) {
        try (var files = java.nio.file.Files.list(b.host().storageDir().resolve("pool"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith(domain + "-")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The highest count the guest printed so far. */
    private static int lastCount(String serial) {
        return counts(serial).stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The counts the guest printed, in order. */
    private static List<Integer> counts(String serial) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("mig-counter-(\\d+)").matcher(serial);
        List<Integer> counts = new java.util.ArrayList<>();
        while (m.find()) {
            counts.add(Integer.parseInt(m.group(1)));
        }
        return counts;
    }

    @Test
    void whenBsPanelAndLibvirtdDieItsServersReadUnreachableAKeepsWorkingAndBComesBackByItself() {
        AccountSummary admin = a.getBean(Users.class).admin();
        AccountSummary customer = newCustomer("lost");
        ServerInfo onB;
        Users.as(admin, () -> a.getBean(FleetService.class).maintenance(HOST_A));
        try {
            onB = Users.as(customer, () -> a.getBean(ServerOrders.class).order(order("far")));
        } finally {
            Users.as(admin, () -> a.getBean(FleetService.class).activate(HOST_A));
        }
        assertThat(hostOf(onB.id())).isEqualTo(HOST_B);
        awaitStatus(customer, onB.id(), ServerStatus.RUNNING);

        b.kill();
        b.host().stopLibvirtd();
        try {
            Users.as(customer, () -> Await.until("B's server to read unreachable", HEARTBEAT_TIMEOUT.plusMinutes(1),
                    () -> a.getBean(ServerService.class).get(onB.id()).status(), s -> s == ServerStatus.UNREACHABLE));
            assertThatThrownBy(() -> Users.as(customer, () -> a.getBean(ServerPower.class).reboot(onB.id())))
                    .hasMessageContaining("The host of this server cannot be reached right now");
            // A goes on: a new order lands on A and runs there
            ServerInfo onA = Users.as(customer, () -> a.getBean(ServerOrders.class).order(order("near")));
            assertThat(hostOf(onA.id())).isEqualTo(HOST_A);
            awaitStatus(customer, onA.id(), ServerStatus.RUNNING);
            // gone again, so that draining A (another case) finds only its own servers there
            Users.as(customer, () -> a.getBean(ServerChanges.class).delete(onA.id()));
            Await.until("the server on A to be deleted", Duration.ofMinutes(2), () -> db.queryForObject(
                    "SELECT status FROM server WHERE id = ?", String.class, onA.id()), "DELETED"::equals);
        } finally {
            b.host().startLibvirtd();
            b.restart();
        }
        // back by itself: B's instance beats again, and its guest, which ran on all along, reads running
        awaitStatus(customer, onB.id(), ServerStatus.RUNNING);
        assertThat(b.host().virsh("domstate", onB.domain())).isEqualTo("running");
        assertThat(Await.until("B's going down and coming back in the audit log", Duration.ofMinutes(1), () -> db.queryForList(
                "SELECT action FROM audit_event WHERE action IN ('fleet.host-down', 'fleet.host-back') AND target = ?", String.class, HOST_B),
                actions -> actions.size() >= 2)).as("once each").containsExactlyInAnyOrder("fleet.host-down", "fleet.host-back");
    }

    @Test
    void eachInstanceBeatsForItsOwnHost() throws Exception {
        var hostScheduler = a.getBean(HostSchedulers.class).local();
        assertThat(hostScheduler.getSchedulerName()).endsWith("-host-" + HOST_A);
        assertThat(hostScheduler.getMetaData().isJobStoreClustered()).as("instances driving one host share its work").isTrue();
        assertThat(hostScheduler.isStarted()).isTrue();
        assertThat(a.getBean(HostSchedulers.class).of(HOST_B).isStarted()).as("A only enqueues into B's scheduler").isFalse();
        Instant before = Instant.now();
        Await.until("both hosts to beat again", Duration.ofSeconds(60),
                () -> List.of(lastBeat(HOST_A), lastBeat(HOST_B)), beats -> beats.stream().allMatch(t -> t.isAfter(before)));
        // a heartbeat of one host fired on the other instance would report that instance's libvirt
        Await.sleep(3000);
        assertThat(managementAddress(HOST_A)).isEqualTo(a.getEnvironment().getProperty("panel.libvirt.uri"));
        assertThat(managementAddress(HOST_B)).isEqualTo("qemu:///system");
        assertThat(db.queryForObject("SELECT migration_uri FROM hosts WHERE name = ?", String.class, HOST_B))
                .as("where A's libvirtd reaches B's").isEqualTo(b.host().uri());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM hosts WHERE name IN (?, ?) AND NOT libvirt_reachable",
                Integer.class, HOST_A, HOST_B)).isZero();
    }

    @Test
    void tenSimultaneousOrdersThroughAWithAInMaintenanceAllLandOnBOrGetNoCapacity() {
        AccountSummary admin = a.getBean(Users.class).admin();
        List<AccountSummary> customers = java.util.stream.IntStream.range(0, 10).mapToObj(i -> newCustomer("crowd-" + i)).toList();
        Users.as(admin, () -> a.getBean(FleetService.class).maintenance(HOST_A));
        List<Object> answers;
        try {
            answers = Together.run(10, i -> {
                try {
                    return Users.as(customers.get(i), () -> a.getBean(ServerOrders.class).order(order("crowd")));
                } catch (RuntimeException e) {
                    return e;
                }
            });
        } finally {
            Users.as(admin, () -> a.getBean(FleetService.class).activate(HOST_A));
        }
        List<ServerInfo> placed = answers.stream().filter(ServerInfo.class::isInstance).map(ServerInfo.class::cast).toList();
        assertThat(answers).filteredOn(x -> !(x instanceof ServerInfo))
                .allSatisfy(x -> assertThat(x).isInstanceOf(CapacityException.class));
        assertThat(placed).isNotEmpty().allSatisfy(s -> assertThat(hostOf(s.id())).isEqualTo(HOST_B));
        for (ServerInfo server : placed) {
            AccountSummary owner = customers.get(answers.indexOf(server));
            Users.as(owner, () -> Await.until("server " + server.id() + " to run", Duration.ofMinutes(8),
                    () -> a.getBean(ServerService.class).get(server.id()).status(),
                    s -> s == ServerStatus.RUNNING || s == ServerStatus.FAILED));
            assertThat(Users.as(owner, () -> a.getBean(ServerService.class).get(server.id()).status())).isEqualTo(ServerStatus.RUNNING);
        }
        String onA = Shell.virsh("list", "--all", "--name");
        String onB = b.host().virsh("list", "--all", "--name");
        for (ServerInfo server : placed) {
            assertThat(onB.lines()).contains(server.domain());
            assertThat(onA.lines()).doesNotContain(server.domain());
        }
    }

    private static AccountSummary newCustomer(String name) {
        AccountSummary customer = a.getBean(AccountService.class).signUp(name + "-" + System.nanoTime() + "@example.com", Users.PASSWORD);
        VerifiedEmails.verify(db, customer.email());
        return customer;
    }

    private static OrderRequest order(String name) {
        return new OrderRequest(name, "nano", "demo", List.of(TestKeys.ED25519), null, null);
    }

    private static String hostOf(long serverId) {
        return db.queryForObject("SELECT host FROM server WHERE id = ?", String.class, serverId);
    }

    private static void awaitStatus(AccountSummary owner, long serverId, ServerStatus status) {
        Users.as(owner, () -> Await.until("server " + serverId + " to be " + status, Duration.ofMinutes(2),
                () -> a.getBean(ServerService.class).get(serverId).status(), s -> s == status));
    }

    private static String consoleUrl(String host) {
        return db.queryForObject("SELECT console_url FROM hosts WHERE name = ?", String.class, host);
    }

    private static String managementAddress(String host) {
        return db.queryForObject("SELECT management_address FROM hosts WHERE name = ?", String.class, host);
    }

    private static Instant lastBeat(String host) {
        return db.queryForObject("SELECT last_heartbeat FROM hosts WHERE name = ?", Timestamp.class, host).toInstant();
    }
}
