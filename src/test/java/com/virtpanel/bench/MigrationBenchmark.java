package com.virtpanel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.host.GuestMigration;
import com.virtpanel.host.HostProperties;
import com.virtpanel.host.MigrationTarget;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.SecondHost;
import com.virtpanel.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 17's migration number, in one run: the panel's migration of a running guest
 * ({@link GuestMigration#live}, peer to peer with the disk copied) from this machine's libvirtd to
 * a second one (testkit.SecondHost), against {@code virsh migrate --p2p --copy-storage-all} of the
 * same guest run by hand, round by round. The guest is emulated (TCG), which the panel moves
 * paused, so virsh is not given {@code --live} either. The guest is a bare machine (64 MiB, a 1 GiB qcow2 disk
 * filled with data, no system: its memory is not what is measured); between rounds it is moved
 * back by virsh, untimed. Run with ./panel bench; -Dvp.bench.rounds=N (default 5).
 */
@IntegrationTest
class MigrationBenchmark {

    static final int ROUNDS = Integer.getInteger("vp.bench.rounds", 5);
    static final long DISK = 1L << 30;

    @Autowired GuestMigration migration;
    @Autowired HostProperties host;
    @Value("${VP_TEST_ID:t0}") String testId;

    @Test
    void panelLiveMigrationAgainstVirshMigrateOfTheSameGuest() throws Exception {
        String domain = "vp-" + testId + "-bench-migrate";
        String volume = domain + "-disk.qcow2";
        Path here = host.storage().dir();
        Path disk = host.storage().poolDir().resolve(volume);
        SecondHost target = new SecondHost();
        Path there = Files.createTempDirectory(Path.of("/var/tmp"), "vp-bench-mig-");
        Files.setPosixFilePermissions(there, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")); // QEMU's user
        Files.createDirectories(there.resolve("pool"));
        String pool = "vpbm-" + testId;
        String network = "vpbm-" + testId;
        try {
            target.start();
            target.virsh("pool-create-as", pool, "dir", "--target", there.resolve("pool").toString());
            Path netXml = there.resolve("net.xml");
            Files.writeString(netXml, "<network><name>" + network + "</name><bridge name='vpbmb-" + testId + "'/></network>");
            target.virsh("net-create", netXml.toString());
            check("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), String.valueOf(DISK));
            check("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 " + DISK, disk.toString());
            Path xmlHere = there.resolve("here.xml");
            Path xmlThere = there.resolve("there.xml");
            String uuid = java.util.UUID.randomUUID().toString(); // the same guest at both ends
            Files.writeString(xmlHere, definition(domain, uuid, disk));
            Files.writeString(xmlThere, definition(domain, uuid, there.resolve("pool").resolve(volume)));
            check("virsh", "-c", "qemu:///system", "define", xmlHere.toString());
            check("virsh", "-c", "qemu:///system", "start", domain);

            MigrationTarget to = new MigrationTarget(target.uri(), there, network, "vptbm" + testId, MigrationTarget.Cores.UNPINNED);
            double[] panel = new double[ROUNDS];
            double[] virsh = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                migration.live(domain, to, Duration.ofMinutes(10), percent -> { });
                panel[i] = seconds(t0);
                back(target, domain, xmlHere);

                long t1 = System.nanoTime();
                check("virsh", "-c", "qemu:///system", "migrate", "--p2p", "--copy-storage-all", "--persistent",
                        "--undefinesource", "--xml", xmlThere.toString(), "--persistent-xml", xmlThere.toString(), domain, target.uri());
                virsh[i] = seconds(t1);
                back(target, domain, xmlHere);
            }
            var ratio = new PairedRatios().of(panel, virsh, false);
            System.out.printf(Locale.ROOT, "%nMigration of a running (emulated) guest with a 1 GiB disk to a second libvirtd (%d rounds, medians):%n",
                    ROUNDS);
            System.out.printf(Locale.ROOT, "  virsh migrate --p2p --copy-storage-all          %6.2f s%n", PairedRatios.median(virsh));
            System.out.printf(Locale.ROOT, "  panel (GuestMigration)                          %6.2f s   panel/virsh %s%n%n",
                    PairedRatios.median(panel), ratio.interval());
        } finally {
            Shell.run("virsh", "-c", "qemu:///system", "destroy", domain);
            Shell.run("virsh", "-c", "qemu:///system", "undefine", domain);
            target.stop();
            Files.deleteIfExists(disk);
            Shell.run("rm", "-rf", there.toString());
        }
        assertThat(here).exists();
    }

    /**
     * Moves the guest back to this machine's libvirtd with virsh (untimed), its disk where it was.
     * Not peer to peer: the second libvirtd sees only itself at qemu:///system (its own /run), so
     * virsh drives both ends.
     */
    private static void back(SecondHost target, String domain, Path xmlHere) {
        Shell.Result result = Shell.run("virsh", "-c", target.uri(), "migrate", "--live", "--copy-storage-all", "--persistent",
                "--undefinesource", "--xml", xmlHere.toString(), "--persistent-xml", xmlHere.toString(), domain, "qemu:///system");
        assertThat(result.ok()).as("moving back: " + result.output()).isTrue();
    }

    private static String definition(String domain, String uuid, Path disk) {
        return "<domain type='qemu'><name>" + domain + "</name><uuid>" + uuid + "</uuid><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><disk type='file' device='disk'>"
                + "<driver name='qemu' type='qcow2'/><source file='" + disk + "'/><target dev='vda' bus='virtio'/></disk>"
                + "</devices></domain>";
    }

    private static void check(String... command) {
        Shell.Result result = Shell.run(command);
        assertThat(result.ok()).as(String.join(" ", command) + ": " + result.output()).isTrue();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
