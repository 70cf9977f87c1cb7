package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.SecondHost;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.TestHost;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live migration on real guests: a running server's guest moves from this machine's libvirtd
 * to a second one (testkit.SecondHost) with libvirt's peer-to-peer migration, its disk copied
 * on the way. On the target it runs resumed from the migration (never booted again), defined
 * persistently with its disk, network and tap of that host; here it is gone. A target that
 * cannot take it leaves the guest running here as it was.
 *
 * <p>The files the guest reads but migration does not copy (seed, directly booted kernel) are
 * put in place by the test, as the target host's preparation step will do.
 */
@IntegrationTest
@DemoGuests
class GuestMigrationIT {

    private static final SecondHost target = new SecondHost();
    private static Path targetStorage;

    @Autowired ServerOrders orders;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired GuestMigration migration;
    @Autowired HostProperties properties;

    @BeforeAll
    static void startTarget() throws Exception {
        target.start();
        targetStorage = Files.createTempDirectory(Path.of("/var/tmp"), "vp-mig-" + TestHost.ID + "-");
        Files.setPosixFilePermissions(targetStorage, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")); // QEMU's user
        Path pool = targetStorage.resolve("pool");
        Files.createDirectories(pool);
        Files.createDirectories(targetStorage.resolve("logs"));
        target.virsh("pool-define-as", "vpmig-" + TestHost.ID, "dir", "--target", pool.toString());
        target.virsh("pool-start", "vpmig-" + TestHost.ID);
        Path netXml = targetStorage.resolve("net.xml");
        // an isolated bridge without addresses: the guest's connectivity there is not what this proves
        Files.writeString(netXml, "<network><name>vpmig-" + TestHost.ID + "</name><bridge name='vpbm-" + TestHost.ID
                + "'/></network>");
        target.virsh("net-create", netXml.toString());
    }

    @AfterAll
    static void stopTarget() throws Exception {
        target.stop();
        if (targetStorage != null) {
            Shell.run("rm", "-rf", targetStorage.toString());
        }
    }

    @Test
    void aRunningGuestMovesToTheOtherHostWithItsDiskAndRunsOnThereWithoutABoot() throws Exception {
        AccountSummary mia = users.newCustomer();
        ServerInfo ordered = Users.as(mia, () -> orders.order(new OrderRequest("mover", "nano", "demo", List.of(TestKeys.ED25519), null, null)));
        ServerInfo running = guests.awaitStatus(mia, ordered.id(), ServerStatus.RUNNING);
        guests.awaitSerial(running.domain(), "virtpanel-demo ready");
        String domain = running.domain();
        prepareTarget(Shell.virsh("dumpxml", domain));

        MigrationTarget where = new MigrationTarget(target.uri(), targetStorage, "vpmig-" + TestHost.ID, "vptmig" + TestHost.ID);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        migration.live(domain, where, Duration.ofMinutes(5), progress::add);

        assertThat(progress).isNotEmpty().last().isEqualTo(100);
        assertThat(target.virsh("domstate", domain, "--reason")).as("resumed from the migration, not booted")
                .isEqualTo("running (migrated)");
        assertThat(target.virsh("list", "--persistent", "--name")).contains(domain);
        String there = target.virsh("dumpxml", domain);
        assertThat(there).contains(targetStorage.resolve("pool").toString())
                .contains("network='vpmig-" + TestHost.ID + "'")
                .contains("dev='vptmig" + TestHost.ID + "'")
                .doesNotContain(properties.storage().dir().toString());
        assertThat(Shell.run("virsh", "-c", properties.libvirt().uri(), "domstate", domain).ok())
                .as("no longer defined here").isFalse();
        assertThat(Files.size(targetStorage.resolve("pool").resolve(diskFile(there)))).as("the disk was copied").isPositive();
    }

    @Test
    void aTargetThatCannotTakeTheGuestLeavesItRunningHere() {
        AccountSummary ned = users.newCustomer();
        ServerInfo ordered = Users.as(ned, () -> orders.order(new OrderRequest("stayer", "nano", "demo", List.of(TestKeys.ED25519), null, null)));
        ServerInfo running = guests.awaitStatus(ned, ordered.id(), ServerStatus.RUNNING);
        // a network the target does not have: libvirt refuses before anything moves
        MigrationTarget nowhere = new MigrationTarget(target.uri(), targetStorage, "no-such-network", "vptnone" + TestHost.ID);

        assertThatThrownBy(() -> migration.live(running.domain(), nowhere, Duration.ofMinutes(2), p -> { }))
                .isInstanceOf(HostException.class)
                .hasMessageContaining("keeps running where it was");
        assertThat(Shell.virsh("domstate", running.domain())).isEqualTo("running");
        assertThat(target.virsh("list", "--all", "--name")).doesNotContain(running.domain());
    }

    /** What the target's preparation step will do: the files migration does not copy, in their places there. */
    private void prepareTarget(String xml) throws Exception {
        Path local = properties.storage().dir();
        Matcher files = Pattern.compile("(?:file|path)='([^']+)'|<(?:kernel|initrd)>([^<]+)<").matcher(xml);
        List<Path> referenced = new ArrayList<>();
        while (files.find()) {
            referenced.add(Path.of(files.group(1) != null ? files.group(1) : files.group(2)));
        }
        String disk = diskFile(xml);
        for (Path file : referenced) {
            if (file.startsWith(local) && !file.startsWith(properties.storage().logDir()) && Files.isRegularFile(file)
                    && !file.getFileName().toString().equals(disk)) {
                Path copy = targetStorage.resolve(local.relativize(file));
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        target.virsh("pool-refresh", "vpmig-" + TestHost.ID);
    }

    /** The file name of the guest's writable disk (vda or sda), the one migration copies. */
    private static String diskFile(String xml) {
        Matcher disk = Pattern.compile("<disk type='file' device='disk'>.*?<source file='([^']+)'", Pattern.DOTALL).matcher(xml);
        assertThat(disk.find()).as("a file disk in " + xml).isTrue();
        return Path.of(disk.group(1)).getFileName().toString();
    }
}
