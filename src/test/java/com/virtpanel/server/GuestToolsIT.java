package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.Firmware;
import com.virtpanel.catalog.ImageDraft;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.OsFamily;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.HostProperties;
import com.virtpanel.host.Volumes;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.GuestDisk;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Offline changes inside real guests' disks with libguestfs: root password, SSH key, plan
 * upgrade, and failures that leave the disk byte for byte as it was. Every check of a disk
 * reads it back with guestfish ({@link GuestDisk}), not with the panel's own code.
 */
@IntegrationTest
@DemoGuests
@Import(GuestToolsIT.Recorder.class)
class GuestToolsIT {

    static final String KEY = OrderToRunningIT.KEY;
    static final String KEY_FINGERPRINT = "SHA256:l8t1bS5zsFEBC1dMOtsAYPniQDhj7N8eAlgH+0yP8P0";
    static final String SECOND_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJqtckxPoclkz6aronLcZwUfflz67+08txOMOzDAKqVV second@virtpanel";
    static final String SECOND_FINGERPRINT = "SHA256:dRj/5Af1vQ2UoNNteBaaY7/M2bz0aetwR4pLhs9oN30";
    /** An appliance start is ~15 s on an idle host and several minutes on a loaded one. */
    static final Duration OPERATION = Duration.ofMinutes(15);
    static final long GIB = 1024L * 1024 * 1024;

    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired ServerPower serverPower;
    @Autowired ServerChanges serverChanges;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired Volumes volumes;
    @Autowired CatalogService catalog;
    @Autowired ImageInspection inspection;
    @Autowired HostProperties host;
    @Autowired Recorder recorder;

    @Test
    void resettingTheRootPasswordOfARunningServerWritesItsHashIntoShadowAndStartsTheServerAgain() {
        AccountSummary alice = users.newCustomer();
        ServerInfo server = runningDemo(alice, "pw-1", "nano");

        String password = Users.as(alice, () -> serverChanges.resetRootPassword(server.id()));
        assertThat(password).hasSize(20);
        ServerInfo during = Users.as(alice, () -> servers.get(server.id()));
        assertThat(during.busy()).isTrue();
        assertThat(during.status()).isEqualTo(ServerStatus.REBOOTING);
        assertThatThrownBy(() -> Users.as(alice, () -> serverPower.reboot(server.id()))).isInstanceOf(ConflictException.class);

        ServerInfo after = awaitSettled(alice, server.id());
        assertThat(after.failureReason()).isNull();
        assertThat(after.status()).isEqualTo(ServerStatus.RUNNING);
        guests.awaitSerial(server.domain(), "virtpanel-demo ready");
        assertThat(recorder.events).contains(new ServerEvents.RootPasswordReset(server.id(), alice.id()));

        Users.as(alice, () -> serverPower.powerOff(server.id()));
        String shadow = GuestDisk.read(disk(server), "/etc/shadow").files().get("/etc/shadow");
        List<String> lines = shadow.lines().toList();
        String[] root = lines.get(0).split(":", -1);
        assertThat(root[0]).isEqualTo("root");
        assertThat(root[1]).startsWith("$6$");
        assertThat(Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), root[1])).isEqualTo(root[1]);
        // the rest of root's line, and every other line, is as the image had it
        String[] daemon = lines.get(1).split(":", -1);
        assertThat(List.of(root).subList(2, root.length)).isEqualTo(List.of(daemon).subList(2, daemon.length));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("daemon:*:");
        assertThat(lines.get(2)).startsWith("nobody:*:");
        assertThat(shadow).doesNotContain(password);
    }

    @Test
    void anSshKeyAddedToAStoppedServerLandsInAuthorizedKeysAndTheGuestAnnouncesItAtBoot() {
        AccountSummary bob = users.newCustomer();
        ServerInfo server = runningDemo(bob, "key-1", "nano");
        assertThatThrownBy(() -> Users.as(bob, () -> serverChanges.addSshKey(server.id(), SECOND_KEY)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("stopped");
        Users.as(bob, () -> serverPower.shutdown(server.id()));
        guests.awaitStatus(bob, server.id(), ServerStatus.STOPPED);
        assertThatThrownBy(() -> Users.as(bob, () -> serverChanges.addSshKey(server.id(), "ssh-ed25519 AAAAnot-a-key")))
                .isInstanceOf(InvalidInputException.class);

        ServerInfo adding = Users.as(bob, () -> serverChanges.addSshKey(server.id(), SECOND_KEY));
        assertThat(adding.busy()).isTrue();
        ServerInfo after = awaitSettled(bob, server.id());
        assertThat(after.failureReason()).isNull();
        assertThat(after.status()).isEqualTo(ServerStatus.STOPPED);
        assertThat(recorder.events).contains(new ServerEvents.SshKeyAdded(server.id(), bob.id(), SECOND_FINGERPRINT));

        Users.as(bob, () -> serverPower.start(server.id()));
        String serial = guests.awaitSerial(server.domain(), "ssh-key=" + SECOND_FINGERPRINT);
        assertThat(serial).contains("ssh-key=" + KEY_FINGERPRINT);
    }

    @Test
    void aPlanUpgradeGrowsTheDiskAndItsFilesystemAndTheServerStartsWithTheNewSize() {
        AccountSummary carol = users.newCustomer();
        PlanInfo nano = Users.as(carol, () -> catalog.orderablePlan("nano"));
        PlanInfo bigger = plan("g1-up", nano, 2, 384, 3, nano.diskIops());
        ServerInfo server = runningDemo(carol, "up-1", "nano");
        Users.as(carol, () -> serverPower.powerOff(server.id()));

        ServerInfo changing = Users.as(carol, () -> serverChanges.changePlan(server.id(), "g1-up"));
        assertThat(changing.busy()).isTrue();
        ServerInfo after = awaitSettled(carol, server.id());
        assertThat(after.failureReason()).isNull();
        assertThat(after.status()).isEqualTo(ServerStatus.STOPPED);
        assertThat(after.plan()).isEqualTo("g1-up");
        assertThat(recorder.events).contains(new ServerEvents.PlanChanged(server.id(), carol.id(), nano.id(), bigger.id()));

        assertThat(volumes.virtualSize(diskVolume(server))).isEqualTo(3 * GIB);
        // read before the guest boots again: the filesystem was grown offline, not by the guest
        long filesystem = GuestDisk.read(disk(server)).filesystemBytes();
        assertThat(filesystem).isGreaterThan(2 * GIB + GIB / 2).isLessThanOrEqualTo(3 * GIB);

        Users.as(carol, () -> serverPower.start(server.id()));
        guests.awaitSerial(server.domain(), "virtpanel-demo ready");
        String info = Shell.virsh("dominfo", server.domain());
        assertThat(info).containsPattern("CPU\\(s\\):\\s+2").containsPattern("Max memory:\\s+393216 KiB");
        assertThat(Shell.virsh("domblkinfo", server.domain(), "vda")).containsPattern("Capacity:\\s+" + 3 * GIB);

        // Same sizes, other limits: applied without a restart.
        plan("g1-up-fast", bigger, 2, 384, 3, bigger.diskIops() * 2);
        Users.as(carol, () -> serverChanges.changePlan(server.id(), "g1-up-fast"));
        ServerInfo live = awaitSettled(carol, server.id());
        assertThat(live.status()).isEqualTo(ServerStatus.RUNNING);
        assertThat(live.plan()).isEqualTo("g1-up-fast");
    }

    @Test
    void aChangeThatFailsInsideTheDiskLeavesTheDiskByteForByteAsItWasAndTheServerAsItWas() throws Exception {
        AccountSummary dave = users.newCustomer();
        ImageInfo blank = blankImage();
        plan("g1-up-2", Users.as(dave, () -> catalog.orderablePlan("nano")), 2, 256, 3, 200);
        plan("g1-tiny", Users.as(dave, () -> catalog.orderablePlan("nano")), 1, 256, 1, 200);
        ServerInfo ordered = Users.as(dave, () -> serverOrders.order(new OrderRequest("broken-1", "nano", blank.name(), List.of(KEY), null, null)));
        ServerInfo server = guests.awaitStatus(dave, ordered.id(), ServerStatus.RUNNING);
        Users.as(dave, () -> serverPower.powerOff(server.id()));
        Path disk = disk(server);
        String before = GuestDisk.sha256(disk);

        Users.as(dave, () -> serverChanges.resetRootPassword(server.id()));
        ServerInfo afterReset = awaitSettled(dave, server.id());
        assertThat(afterReset.status()).isEqualTo(ServerStatus.STOPPED);
        assertThat(afterReset.failureReason().english()).startsWith("Resetting the root password failed and your server was left as it was")
                .contains("No operating system");
        assertThat(GuestDisk.sha256(disk)).isEqualTo(before);

        Users.as(dave, () -> serverChanges.changePlan(server.id(), "g1-up-2"));
        ServerInfo afterChange = awaitSettled(dave, server.id());
        assertThat(afterChange.status()).isEqualTo(ServerStatus.STOPPED);
        assertThat(afterChange.plan()).isEqualTo("nano");
        assertThat(afterChange.failureReason().english()).startsWith("Changing the plan failed and your server was left as it was");
        assertThat(GuestDisk.sha256(disk)).isEqualTo(before);
        assertThat(volumes.virtualSize(diskVolume(server))).isEqualTo(2 * GIB);
        assertThat(Shell.virsh("dumpxml", server.domain())).contains("<vcpu placement='static'>1</vcpu>");

        assertThatThrownBy(() -> Users.as(dave, () -> serverChanges.changePlan(server.id(), "g1-tiny")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 GiB disk, smaller than this server's 2 GiB, and disks cannot shrink");
        assertThat(GuestDisk.sha256(disk)).isEqualTo(before);
        assertThat(Users.as(dave, () -> servers.get(server.id())).busy()).isFalse();
        assertThat(recorder.events).anyMatch(e -> e instanceof ServerEvents.OperationFailed f && f.serverId() == server.id()
                && f.operation().equals("RESET_PASSWORD"));
    }

    @Test
    void inspectingTheDemoImageFindsItsSystemAndArchitecture() {
        ImageInfo demo = Users.as(users.admin(), () -> catalog.orderableImage("demo"));
        ImageInfo inspected = Users.as(users.admin(), () -> inspection.inspect(demo.id()));
        assertThat(inspected.osName()).isEqualTo("Virtpanel demo (busybox)");
        assertThat(inspected.arch()).isEqualTo("x86_64");
        assertThat(inspected.detected()).isEqualTo("Virtpanel demo (busybox) (x86_64)");
        AccountSummary customer = users.newCustomer();
        assertThatThrownBy(() -> Users.as(customer, () -> inspection.inspect(demo.id())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    // --- helpers ----------------------------------------------------------------------------

    private ServerInfo runningDemo(AccountSummary owner, String name, String plan) {
        ServerInfo ordered = Users.as(owner, () -> serverOrders.order(new OrderRequest(name, plan, "demo", List.of(KEY), null, null)));
        ServerInfo running = guests.awaitStatus(owner, ordered.id(), ServerStatus.RUNNING);
        // its ACPI daemon runs from here on, so a shutdown request is honoured
        guests.awaitSerial(running.domain(), "virtpanel-demo ready");
        return running;
    }

    private ServerInfo awaitSettled(AccountSummary owner, long id) {
        return Users.as(owner, () -> Await.until("server " + id + " to finish its operation", OPERATION,
                () -> servers.get(id), s -> !s.busy()));
    }

    private PlanInfo plan(String name, PlanInfo base, int vcpus, int memoryMib, int diskGib, int iops) {
        var d = PlanDraft.of(base);
        return Users.as(users.admin(), () -> catalog.createPlan(new PlanDraft(name, name, vcpus, memoryMib, diskGib,
                d.cpuCapPercent(), d.cpuShares(), iops, d.diskMbps(), d.blkioWeight(), d.netMbps(), d.trafficGib(),
                d.throttledNetMbps(), d.burstBaselinePercent(), d.priceCents(), d.currency())));
    }

    /** A disk without any system: libguestfs finds nothing to change, which is the injected failure. */
    private ImageInfo blankImage() throws Exception {
        Path dir = host.storage().dir().resolve("test-images");
        Files.createDirectories(dir);
        Path blank = dir.resolve("blank.qcow2");
        if (!Files.exists(blank)) {
            Shell.run("qemu-img", "create", "-q", "-f", "qcow2", blank.toString(), "64M");
        }
        Path demo = DemoImage.dir();
        return Users.as(users.admin(), () -> catalog.registerImage(new ImageDraft("g1-blank", "Blank disk", OsFamily.LINUX,
                Firmware.BIOS, true, blank.toString(), demo.resolve("demo-vmlinuz").toString(),
                demo.resolve("demo-initrd.img").toString(), "root=/dev/vda rw console=ttyS0,115200 quiet", null, 1),
                "Blank", "", "x86_64"));
    }

    private String diskVolume(ServerInfo server) {
        return volumes.list(server.domain() + "-disk-").get(0);
    }

    private Path disk(ServerInfo server) {
        return volumes.path(diskVolume(server));
    }

    /** Collects the server module's events (the audit log's view of what happened). */
    @TestConfiguration
    static class Recorder {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(Object event) {
            if (event.getClass().getEnclosingClass() == ServerEvents.class) {
                events.add(event);
            }
        }
    }
}
