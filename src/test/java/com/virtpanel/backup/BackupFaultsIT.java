package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Faults around backups of one real running guest (the demo image, TCG): a backup job aborted on
 * the host (virsh domjobabort) fails the backup with its message, leaves no file, the guest runs
 * on and the next backup is good; ten simultaneous "restore into a new server" from that backup
 * order exactly one server (one restore from a backup at a time), and while it is being made the
 * source server and the backup cannot be deleted; once the new server runs they can, and a
 * backup of the deleted server is refused as not found, its backups gone with it.
 * (The panel killed mid-backup is BackupIT's recovery case.)
 */
@IntegrationTest
@DemoGuests
class BackupFaultsIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGf0sUZ2W7t3f7aXwS1n7gYkZ2S5t1nT8bXq7Zt9v1xX faults@virtpanel";
    static final Duration STEP = Duration.ofMinutes(5);
    /** Fills some of the disk with data, so that a full backup job lasts long enough to be aborted. */
    static final String FILL = "#!/bin/sh\ndd if=/dev/urandom of=/root/fill bs=1M count=128 2>/dev/null\nsync\n"
            + "echo backup-fill-done > /dev/ttyS0\n";

    /**
     * Aborts the guest's backup job ($1: the domain) as soon as its file appears in the server's
     * backup directory ($2), newer than the marker file ($3) made before the backup. A look at the
     * directory costs milliseconds where asking QEMU for its jobs cost a virsh call each, which on
     * a loaded machine let a whole backup pass unseen, four times over.
     */
    static final String ABORT = """
            v="virsh -q -c qemu:///system"
            for i in $(seq 1 20000); do
              if [ -n "$(find "$2" -name '*.qcow2' -newer "$3" 2>/dev/null | head -1)" ]; then
                for j in $(seq 1 50); do
                  $v domjobabort "$1" >/dev/null 2>&1 && exit 0
                done
                exit 1
              fi
              sleep 0.01
            done
            exit 1
            """;

    @Autowired BackupService backups;
    @Autowired BackupStore store;
    @Autowired BackupRepository rows;
    @Autowired ServerOrders orders;
    @Autowired ServerChanges changes;
    @Autowired ServerDirectory directory;
    @Autowired Users users;
    @Autowired Guests guests;

    @Test
    void anAbortedJobFailsCleanlyAndARestoreIntoANewServerIsOrderedOnceAndProtectsItsSource() throws Exception {
        AccountSummary owner = users.newCustomer();
        ServerInfo ordered = Users.as(owner, () -> orders.order(new OrderRequest("bf-1", "nano", "demo", List.of(KEY), null, null, FILL)));
        ServerInfo server = guests.awaitStatus(owner, ordered.id(), ServerStatus.RUNNING);
        guests.awaitSerial(server.domain(), "backup-fill-done");

        BackupInfo aborted = abortedOnTheHost(owner, server);
        long abortedId = aborted.id();
        assertThat(aborted.status()).isEqualTo(BackupStatus.FAILED);
        assertThat(aborted.detail().key()).isEqualTo("error.host.backup-aborted");
        assertThat(aborted.detail().english()).contains("stopped on the host");
        assertThat(Files.exists(store.file(server.id(), rows.findById(abortedId).orElseThrow().getFileName()))).isFalse();
        assertThat(Shell.virsh("domstate", server.domain())).isEqualTo("running");

        BackupInfo good = awaitDone(owner, server.id(), Users.as(owner, () -> backups.backUpNow(server.id())).id());
        assertThat(good.status()).as(String.valueOf(good.detail())).isEqualTo(BackupStatus.OK);
        assertThat(good.kind()).isEqualTo(BackupKind.FULL);
        assertThat(good.consistency()).as("the demo image runs no guest agent").isEqualTo("crash");

        // a double click (ten here) on "restore into a new server" orders one server
        List<Object> outcomes = Together.run(10, i -> {
            try {
                return Users.as(owner, () -> backups.restore(server.id(), good.id(), "new", "bf-copy"));
            } catch (RuntimeException e) {
                return e;
            }
        });
        List<ServerInfo> created = outcomes.stream().filter(ServerInfo.class::isInstance).map(ServerInfo.class::cast).toList();
        assertThat(created).as(outcomes.toString()).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(9);
        ServerInfo copy = created.get(0);
        assertThat(copy.accountId()).isEqualTo(owner.id());
        assertThat(copy.planId()).isEqualTo(server.planId());
        assertThat(copy.status()).isEqualTo(ServerStatus.PROVISIONING);

        // while the new server is made from the backup, neither the backup nor its server can go
        assertThatThrownBy(() -> Users.as(owner, () -> changes.delete(server.id(), false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("restored into a new server");
        assertThatThrownBy(() -> Users.as(owner, () -> backups.delete(server.id(), good.id())))
                .isInstanceOf(ConflictException.class);

        guests.awaitStatus(owner, copy.id(), ServerStatus.RUNNING);
        assertThat(Shell.virsh("domstate", copy.domain())).isEqualTo("running");
        Await.until("the backup to be let go", STEP, () -> rows.findById(good.id()).orElseThrow().getBusyServerId(), b -> b == null);

        Users.as(owner, () -> changes.delete(server.id(), false));
        Await.until("server " + server.id() + " to be deleted", STEP, () -> directory.find(server.id()).orElseThrow().status(),
                s -> s == ServerStatus.DELETED || s == ServerStatus.FAILED);
        assertThat(directory.find(server.id()).orElseThrow().status()).isEqualTo(ServerStatus.DELETED);
        assertThatThrownBy(() -> Users.as(owner, () -> backups.backUpNow(server.id()))).isInstanceOf(NotFoundException.class);
        Await.until("the deleted server's backups to be removed", STEP,
                () -> rows.findByServerIdOrderByCreatedAtDescIdDesc(server.id()), List::isEmpty);
        assertThat(store.file(server.id(), "x").getParent().toFile().listFiles(f -> f.getName().endsWith(".qcow2"))).isNullOrEmpty();
    }

    /**
     * Makes full backups until one is aborted on the host: the job is aborted as soon as its file
     * appears (a copy can end before the abort reaches it; then the good backup is deleted, so the
     * next is full again, and it is tried once more).
     */
    private BackupInfo abortedOnTheHost(AccountSummary owner, ServerInfo server) throws Exception {
        BackupInfo last = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            Path marker = Files.createTempFile("vp-abort-", ".mark");
            Process abort = new ProcessBuilder("sh", "-c", ABORT, "abort", server.domain(), store.dir(server.id()).toString(),
                    marker.toString()).redirectErrorStream(true).start();
            long id = Users.as(owner, () -> backups.backUpNow(server.id())).id();
            last = awaitDone(owner, server.id(), id);
            abort.destroy();
            abort.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(marker);
            if (last.status() != BackupStatus.OK) {
                return last;
            }
            long done = id;
            Users.as(owner, () -> {
                backups.delete(server.id(), done);
                return null;
            });
        }
        return last;
    }

    private BackupInfo awaitDone(AccountSummary owner, long serverId, long backupId) {
        return Users.as(owner, () -> Await.until("backup " + backupId + " to finish", STEP,
                () -> backups.list(serverId).stream().filter(b -> b.id() == backupId).findFirst().orElseThrow(),
                b -> b.status() != BackupStatus.RUNNING));
    }
}
