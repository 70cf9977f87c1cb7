package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.host.Volumes;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerPower;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.GuestDisk;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Backups of one real running guest (the demo image, TCG): a full one while the guest writes a
 * counter to its disk every second, then an incremental one holding only the changes, each
 * read back with libguestfs (not the panel's code) showing the counter as it was at that
 * moment; ten simultaneous "back up now" start exactly one; restoring the first, then the middle
 * of the chain, boots the guest with exactly that moment's disk; after a restore the next backup
 * is full; deleting the full backup merges it into the next, which reads exactly as before; a
 * backup file changed behind the panel's back is flagged damaged and refused. One guest in all.
 */
@IntegrationTest
@DemoGuests
class BackupIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGf0sUZ2W7t3f7aXwS1n7gYkZ2S5t1nT8bXq7Zt9v1xX backup@virtpanel";
    static final Duration BACKUP = Duration.ofMinutes(5);
    /** Runs in the background after first boot: the counter changes a few blocks a second. */
    /** Counts on disk once a second and tells the serial console each count it has synced. */
    static final String COUNTER = "#!/bin/sh\ni=0\nwhile true; do\n  i=$((i+1))\n  echo $i > /root/counter\n  sync\n"
            + "  echo backup-counter-$i > /dev/ttyS0\n  sleep 1\ndone\n";

    @Autowired BackupService backups;
    @Autowired BackupStore store;
    @Autowired BackupRepository rows;
    @Autowired BackupRecovery recovery;
    @Autowired ServerOrders orders;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired ServerService servers;
    @Autowired ServerPower power;
    @Autowired ServerChanges changes;
    @Autowired ServerDirectory directory;
    @Autowired Volumes volumes;

    @Test
    void fullThenIncrementalBackupsOfARunningGuestHoldTheDiskAsItWasAtEachMoment() throws Exception {
        AccountSummary owner = users.newCustomer();
        ServerInfo ordered = Users.as(owner, () -> orders.order(new OrderRequest("bk-1", "nano", "demo", List.of(KEY), null, null, COUNTER)));
        ServerInfo server = guests.awaitStatus(owner, ordered.id(), ServerStatus.RUNNING);
        awaitCount(server, 3);

        // ten at once: exactly one starts, the others are refused with a message
        List<Object> outcomes = simultaneously(10, () -> Users.as(owner, () -> backups.backUpNow(server.id())));
        List<BackupInfo> started = outcomes.stream().filter(BackupInfo.class::isInstance).map(BackupInfo.class::cast).toList();
        assertThat(started).hasSize(1);
        assertThat(started.get(0).status()).isEqualTo(BackupStatus.RUNNING);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(9)
                .allSatisfy(e -> assertThat(((ConflictException) e).getMessage()).contains("Try again when it is done"));

        BackupInfo full = awaitDone(owner, server.id(), started.get(0).id());
        assertThat(full.status()).as(String.valueOf(full.detail())).isEqualTo(BackupStatus.OK);
        assertThat(full.kind()).isEqualTo(BackupKind.FULL);
        assertThat(full.consistency()).isEqualTo("crash");
        assertThat(Shell.virsh("domstate", server.domain())).isEqualTo("running");
        Path fullFile = file(server.id(), full.id());
        long atFull = counter(fullFile);
        assertThat(atFull).isPositive();
        // a slow (emulated) guest may not have counted on since the full backup began: the
        // incremental one must see a disk that did change
        awaitCount(server, atFull + 1);

        BackupInfo incremental = backUp(owner, server.id());
        assertThat(incremental.status()).as(String.valueOf(incremental.detail())).isEqualTo(BackupStatus.OK);
        assertThat(incremental.kind()).isEqualTo(BackupKind.INCREMENTAL);
        assertThat(incremental.sizeBytes()).isLessThan(full.sizeBytes() / 4);
        assertThat(Shell.virsh("domstate", server.domain())).isEqualTo("running");
        assertThat(Users.as(owner, () -> backups.list(server.id()))).extracting(BackupInfo::id)
                .containsExactly(incremental.id(), full.id());

        Path incrementalFile = file(server.id(), incremental.id());
        long atIncremental = counter(incrementalFile);
        assertThat(atIncremental).isGreaterThan(atFull);
        assertThat(store.verify(server.id(), fullFile.getFileName().toString())).isEmpty();
        assertThat(store.verify(server.id(), incrementalFile.getFileName().toString())).isEmpty();

        // a restore while a backup runs is refused; the third backup builds on the second
        long thirdStarted = Users.as(owner, () -> backups.backUpNow(server.id())).id();
        assertThatThrownBy(() -> Users.as(owner, () -> backups.restore(server.id(), full.id(), "same", null)))
                .isInstanceOf(ConflictException.class);
        BackupInfo third = againIfTheHostDidNotAnswer(owner, server.id(), awaitDone(owner, server.id(), thirdStarted));
        long thirdId = third.id();
        assertThat(third.status()).as(String.valueOf(third.detail())).isEqualTo(BackupStatus.OK);
        assertThat(third.kind()).isEqualTo(BackupKind.INCREMENTAL);
        assertThatThrownBy(() -> Users.as(owner, () -> backups.restore(server.id(), full.id(), "new", "bad name!")))
                .isInstanceOf(InvalidInputException.class);

        // restoring the first backup of the running server: it boots with the disk as it was then
        ServerInfo restoring = Users.as(owner, () -> backups.restore(server.id(), full.id(), "same", null));
        assertThat(restoring.status()).isEqualTo(ServerStatus.RESTORING);
        assertThat(diskOf(owner, server, true)).as("the disk the guest now runs from").isEqualTo(atFull);

        // the middle of the chain gives exactly that moment's disk (restored into the stopped server)
        ServerInfo again = Users.as(owner, () -> backups.restore(server.id(), incremental.id(), "same", null));
        assertThat(again.status()).isEqualTo(ServerStatus.RESTORING);
        assertThat(diskOf(owner, server, false)).isEqualTo(atIncremental);
        Users.as(owner, () -> power.start(server.id()));
        guests.awaitStatus(owner, server.id(), ServerStatus.RUNNING);

        // the restored disk is a new disk: the next backup is a full one, automatically
        BackupInfo afterRestore = backUp(owner, server.id());
        assertThat(afterRestore.status()).as(String.valueOf(afterRestore.detail())).isEqualTo(BackupStatus.OK);
        assertThat(afterRestore.kind()).isEqualTo(BackupKind.FULL);

        // deleting the full one keeps the later ones restorable: merged into the next, which now stands alone
        Users.as(owner, () -> {
            backups.delete(server.id(), full.id());
            return null;
        });
        assertThat(fullFile).doesNotExist();
        BackupInfo merged = Users.as(owner, () -> backups.list(server.id())).stream()
                .filter(b -> b.id() == incremental.id()).findFirst().orElseThrow();
        assertThat(merged.kind()).isEqualTo(BackupKind.FULL);
        assertThat(Shell.run("qemu-img", "info", incrementalFile.toString()).output()).doesNotContain("backing file");
        assertThat(counter(incrementalFile)).isEqualTo(atIncremental);
        assertThat(store.verify(server.id(), incrementalFile.getFileName().toString())).isEmpty();
        assertThat(store.manifest(server.id()).entry(incrementalFile.getFileName().toString()).orElseThrow().parent()).isNull();

        // a file changed behind the panel's back: flagged damaged, never restored
        Path thirdFile = file(server.id(), thirdId);
        try (var raf = new java.io.RandomAccessFile(thirdFile.toFile(), "rw")) {
            raf.seek(raf.length() - 1);
            int last = raf.read();
            raf.seek(raf.length() - 1);
            raf.write(last ^ 0xff);
        }
        assertThatThrownBy(() -> Users.as(owner, () -> backups.restore(server.id(), thirdId, "same", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("damaged");
        assertThat(Users.as(owner, () -> backups.list(server.id()))).filteredOn(b -> b.id() == thirdId)
                .singleElement().satisfies(b -> assertThat(b.status()).isEqualTo(BackupStatus.DAMAGED));
        assertThat(Users.as(owner, () -> servers.get(server.id())).busy()).isFalse();

        // a backup cut off by a panel restart: failed, its half-written file gone, never listed as ok
        Backup cut = rows.save(Backup.starting(server.id(), owner.id(), afterRestoreDisk(server), java.time.Instant.now()));
        java.nio.file.Files.writeString(store.file(server.id(), cut.getFileName()), "half a backup");
        recovery.recover();
        BackupInfo recovered = rows.findById(cut.getId()).orElseThrow().info();
        assertThat(recovered.status()).isEqualTo(BackupStatus.FAILED);
        assertThat(recovered.detail().english()).contains("The panel stopped while this backup was being made");
        assertThat(store.file(server.id(), cut.getFileName())).doesNotExist();
        BackupInfo next = backUp(owner, server.id());
        assertThat(next.status()).as(String.valueOf(next.detail())).isEqualTo(BackupStatus.OK);
        assertThat(next.kind()).isEqualTo(BackupKind.INCREMENTAL);
        assertThat(Shell.virsh("domstate", server.domain())).isEqualTo("running");

        // a guest with a checkpoint is deleted all the same (libvirt refuses unless told to drop its checkpoints)
        Users.as(owner, () -> changes.delete(server.id()));
        Await.until("server " + server.id() + " to be deleted", BACKUP, () -> directory.find(server.id()).orElseThrow().status(),
                s -> s == ServerStatus.DELETED || s == ServerStatus.FAILED);
        assertThat(directory.find(server.id()).orElseThrow().status()).isEqualTo(ServerStatus.DELETED);
        assertThat(Shell.run("virsh", "-c", "qemu:///system", "domstate", server.domain()).ok()).isFalse();
    }

    private String afterRestoreDisk(ServerInfo server) {
        return directory.diskVolume(server.id()).orElseThrow();
    }

    /**
     * Waits for the restore to finish (and, when {@code boots}, for the guest to be up: once is
     * proof enough, each boot costs a minute under TCG), stops it and reads its counter from the disk.
     */
    private long diskOf(AccountSummary owner, ServerInfo server, boolean boots) {
        ServerInfo done = Users.as(owner, () -> Await.until("restore of " + server.id(), BACKUP,
                () -> servers.get(server.id()), s -> !s.busy()));
        assertThat(done.failureReason()).isNull();
        assertThat(done.status()).isEqualTo(ServerStatus.RUNNING);
        if (boots) {
            guests.awaitSerial(server.domain(), "virtpanel-demo ready");
        }
        Users.as(owner, () -> power.powerOff(server.id()));
        guests.awaitStatus(owner, server.id(), ServerStatus.STOPPED);
        return counter(volumes.path(directory.diskVolume(server.id()).orElseThrow()));
    }

    private void awaitCount(ServerInfo server, long count) {
        guests.awaitSerial(server.domain(), "backup-counter-" + count);
    }

    private BackupInfo backUp(AccountSummary owner, long serverId) {
        return againIfTheHostDidNotAnswer(owner, serverId,
                awaitDone(owner, serverId, Users.as(owner, () -> backups.backUpNow(serverId)).id()));
    }

    /**
     * libvirtd on a loaded two-core machine has answered nothing within the panel's libvirt call
     * timeout while other suites' guests started; the backup then fails with "the host is
     * unreachable right now, please try again in a minute", as it should. The test does what that says, once, and
     * drops the failed attempt's row (it has no file) so that the list reads as the test expects.
     */
    private BackupInfo againIfTheHostDidNotAnswer(AccountSummary owner, long serverId, BackupInfo done) {
        if (done.status() != BackupStatus.FAILED || done.detail() == null
                || !List.of("error.host.unreachable", "error.host.busy").contains(done.detail().key())) {
            return done;
        }
        System.out.println("Backup " + done.id() + " failed (" + done.detail().english() + "): asked for once more");
        rows.deleteById(done.id());
        return awaitDone(owner, serverId, Users.as(owner, () -> backups.backUpNow(serverId)).id());
    }

    private BackupInfo awaitDone(AccountSummary owner, long serverId, long backupId) {
        return BackupWaits.finished(backups, owner, serverId, backupId);
    }

    private Path file(long serverId, long backupId) {
        return store.file(serverId, rows.findById(backupId).orElseThrow().getFileName());
    }

    private static long counter(Path backupFile) {
        String text = GuestDisk.read(backupFile, "/root/counter").files().get("/root/counter");
        assertThat(text).as("counter in " + backupFile).isNotNull();
        return Long.parseLong(text.strip());
    }

    private static List<Object> simultaneously(int n, Callable<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
