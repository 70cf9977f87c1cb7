package com.virtpanel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.host.GuestBackups;
import com.virtpanel.host.HostProperties;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 16's numbers, in one run on one running guest: a full live backup (libvirt backup job)
 * against {@code qemu-img convert} of the same disk (the floor: a plain copy), and an
 * incremental backup after 1 % of the disk changed against the full one (time and bytes). The
 * guest is a bare machine with a 1 GiB qcow2 disk filled with data; the changes are written
 * into the running guest's disk through QEMU's monitor (qemu-io), as a guest's own writes would
 * be. Run with ./panel bench; -Dvp.bench.rounds=N (default 5).
 */
@IntegrationTest
class BackupBenchmark {

    static final int ROUNDS = Integer.getInteger("vp.bench.rounds", 5);
    static final long DISK = 1L << 30;
    static final long CHANGE_CHUNK = 1L << 20;
    static final int CHANGE_CHUNKS = (int) (DISK / 100 / CHANGE_CHUNK); // 1 % in 1 MiB pieces

    @Autowired GuestBackups backups;
    @Autowired HostProperties host;
    @Value("${VP_TEST_ID:t0}") String testId;

    @Test
    void fullBackupAgainstQemuImgConvertAndIncrementalAfterOnePercentAgainstFull() throws Exception {
        String domain = "vp-" + testId + "-bench-backup";
        String volume = domain + "-disk.qcow2";
        Path disk = host.storage().poolDir().resolve(volume);
        Path out = Files.createTempDirectory(host.storage().dir(), "bench-backup-");
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Random random = new Random(16);
        try {
            check("qemu-img", "create", "-q", "-f", "qcow2", "-o", "compat=1.1", disk.toString(), String.valueOf(DISK));
            check("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 " + DISK, disk.toString());
            Path xml = out.resolve("domain.xml");
            Files.writeString(xml, "<domain type='qemu'><name>" + domain + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                    + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><disk type='file' device='disk'>"
                    + "<driver name='qemu' type='qcow2'/><source file='" + disk + "'/><target dev='vda' bus='virtio'/></disk>"
                    + "</devices></domain>");
            assertThat(Shell.virsh("create", xml.toString())).contains("created");

            double[] fullSeconds = new double[ROUNDS];
            double[] convertSeconds = new double[ROUNDS];
            double[] incrementalSeconds = new double[ROUNDS];
            double[] fullBytes = new double[ROUNDS];
            double[] incrementalBytes = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                Path full = out.resolve("full-" + i + ".qcow2");
                long t0 = System.nanoTime();
                var made = backups.backup(new GuestBackups.BackupRequest(domain, volume, full, "bench-full-" + i, null), Duration.ofMinutes(30));
                fullSeconds[i] = seconds(t0);
                assertThat(made.incremental()).isFalse();
                fullBytes[i] = Files.size(full);

                Path copy = out.resolve("convert-" + i + ".qcow2");
                long t1 = System.nanoTime();
                check("qemu-img", "convert", "-U", "-O", "qcow2", disk.toString(), copy.toString());
                convertSeconds[i] = seconds(t1);

                for (int c = 0; c < CHANGE_CHUNKS; c++) {
                    long offset = random.nextLong(DISK / CHANGE_CHUNK) * CHANGE_CHUNK;
                    Shell.virsh("qemu-monitor-command", domain, "--hmp", "qemu-io -d /machine/peripheral/virtio-disk0/virtio-backend \"write -P 0x"
                            + Integer.toHexString(16 + random.nextInt(200)) + " " + offset + " " + CHANGE_CHUNK + "\"");
                }
                Path incremental = out.resolve("inc-" + i + ".qcow2");
                long t2 = System.nanoTime();
                var inc = backups.backup(new GuestBackups.BackupRequest(domain, volume, incremental, "bench-inc-" + i,
                        "bench-full-" + i), Duration.ofMinutes(30));
                incrementalSeconds[i] = seconds(t2);
                assertThat(inc.incremental()).isTrue();
                incrementalBytes[i] = Files.size(incremental);
                Files.delete(full);
                Files.delete(copy);
                Files.delete(incremental);
            }
            PairedRatios stats = new PairedRatios();
            double mib = DISK / (double) (1 << 20);
            System.out.printf(Locale.ROOT, "%nBackups of a running guest's 1 GiB disk (%d rounds, medians; ratios with 95 %% intervals):%n", ROUNDS);
            System.out.printf(Locale.ROOT, "  qemu-img convert (floor)   %6.2f s  %7.1f MiB/s%n", PairedRatios.median(convertSeconds),
                    mib / PairedRatios.median(convertSeconds));
            System.out.printf(Locale.ROOT, "  full live backup           %6.2f s  %7.1f MiB/s  %8.1f MiB written   time vs convert %s%n",
                    PairedRatios.median(fullSeconds), mib / PairedRatios.median(fullSeconds), PairedRatios.median(fullBytes) / (1 << 20),
                    stats.of(fullSeconds, convertSeconds, false).interval());
            System.out.printf(Locale.ROOT, "  incremental after 1 %%      %6.2f s            %8.1f MiB written   time vs full %s, bytes vs full %s%n%n",
                    PairedRatios.median(incrementalSeconds), PairedRatios.median(incrementalBytes) / (1 << 20),
                    stats.of(incrementalSeconds, fullSeconds, false).interval(), stats.of(incrementalBytes, fullBytes, false).interval());
        } finally {
            Shell.run("virsh", "-c", "qemu:///system", "destroy", domain);
            Files.deleteIfExists(disk);
            try (var files = Files.list(out)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(out);
        }
    }

    private static void check(String... command) {
        Shell.Result result = Shell.run(command);
        assertThat(result.ok()).as(String.join(" ", command) + ": " + result.output()).isTrue();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
