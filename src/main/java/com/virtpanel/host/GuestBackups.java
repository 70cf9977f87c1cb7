package com.virtpanel.host;

import com.virtpanel.base.UserMessage;
import com.virtpanel.base.PanelException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Domain;
import org.libvirt.DomainCheckpoint;
import org.libvirt.DomainJobInfo;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Copies of a guest's disk into files outside the pool, and disks made from such copies.
 *
 * <p>A running guest is copied with libvirt's backup job in push mode: QEMU writes the disk as
 * it was when the job started into a qcow2 file while the guest runs on, and a checkpoint (a
 * persistent dirty bitmap in the guest's qcow2) records the moment, so that the next copy can
 * hold only the blocks changed since. A stopped guest is copied with qemu-img. Only the newest
 * checkpoint is kept: every extra bitmap costs the guest a little on each write.
 */
@Service
public class GuestBackups {

    private static final Logger log = LoggerFactory.getLogger(GuestBackups.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int CHECKPOINT_DELETE_METADATA_ONLY = 2;
    private static final int JOB_STATS_COMPLETED = 1;
    private static final int JOB_NONE = 0;
    private static final int JOB_COMPLETED = 3;
    private static final int JOB_CANCELLED = 5;
    private static final String ABORTED = "error.host.backup-aborted";
    private static final String INTERRUPTED = "error.host.backup-interrupted";
    /** How long a backup waits for a libvirtd that went away (restarted) before it gives up. */
    private static final Duration DAEMON_RETURN = Duration.ofMinutes(2);

    private final LibvirtConnection libvirt;
    private final Domains domains;
    private final HostProperties.Storage storage;

    GuestBackups(LibvirtConnection libvirt, Domains domains, HostProperties properties) {
        this.libvirt = libvirt;
        this.domains = domains;
        this.storage = properties.storage();
    }

    /**
     * What to copy.
     *
     * @param domain      the guest
     * @param diskVolume  its disk in the pool
     * @param target      the qcow2 file to write (must not exist)
     * @param checkpoint  name of the checkpoint this copy creates (live copies only)
     * @param since       the checkpoint of the previous copy, for a copy of the changes only; null for a full copy
     */
    public record BackupRequest(String domain, String diskVolume, Path target, String checkpoint, String since) {
    }

    /**
     * What was copied.
     *
     * @param incremental  only the changes since {@code since} (else the whole disk)
     * @param checkpointed a checkpoint now marks this copy, so the next can hold only the changes since
     * @param frozen       the guest agent froze the filesystems as the copy started (filesystem-consistent;
     *                     else crash-consistent, the disk as at a power cut; a stopped guest's copy is both)
     */
    public record BackupResult(boolean incremental, boolean checkpointed, long fileBytes, long virtualBytes, boolean frozen) {
    }

    /**
     * Copies the disk into {@code request.target()}. A running guest keeps running; when the
     * checkpoint {@code since} is gone or unusable the copy is a full one. Waits at most
     * {@code deadline} for the job, then stops it.
     */
    public BackupResult backup(BackupRequest request, Duration deadline) {
        return backup(request, deadline, percent -> { });
    }

    /**
     * As {@link #backup(BackupRequest, Duration)}, telling {@code progress} how far the copy is
     * (0-100, from the job's processed and total bytes) each time the percentage moves, and 100
     * once the copy is complete (also for a stopped guest's copy, which reports nothing before).
     * Called on the caller's thread, between two looks at the job: a slow listener slows only the
     * reporting, never the copy.
     */
    public BackupResult backup(BackupRequest request, Duration deadline, IntConsumer progress) {
        JobPercent percent = new JobPercent(progress);
        BackupResult result = copy(request, deadline, percent);
        percent.report(100);
        return result;
    }

    private BackupResult copy(BackupRequest request, Duration deadline, JobPercent progress) {
        Path disk = storage.poolDir().resolve(request.diskVolume());
        if (domains.state(request.domain()) != DomainState.RUNNING) {
            return copyStopped(request, disk, deadline);
        }
        String device = device(request.domain(), disk);
        if (!DiskImage.canStoreBitmaps(disk)) {
            // An old qcow2 v2 disk: copied live all the same, but every copy is a full one.
            log.info("Disk {} of {} cannot hold checkpoints (qcow2 v2): full backup without one", request.diskVolume(), request.domain());
            boolean frozen = runJob(request, device, false, false, deadline, progress);
            return new BackupResult(false, false, size(request.target()), DiskImage.read(disk).virtualSize(), frozen);
        }
        boolean incremental = request.since() != null && checkpoints(request.domain()).contains(request.since());
        if (incremental) {
            try {
                return finish(request, disk, true, runJob(request, device, true, true, deadline, progress));
            } catch (HostException e) {
                if (ABORTED.equals(e.message().key()) || INTERRUPTED.equals(e.message().key())) {
                    throw e; // stopped on purpose or by a daemon restart: no full copy in its place
                }
                log.warn("Incremental backup of {} failed ({}); making a full one", request.domain(), e.detail());
                deleteQuietly(request.target());
            }
        }
        forgetCheckpoints(request.domain(), null);
        return finish(request, disk, false, runJob(request, device, false, true, deadline, progress));
    }

    private BackupResult finish(BackupRequest request, Path disk, boolean incremental, boolean frozen) {
        // the copy is complete: a daemon restarting now only delays dropping the older checkpoint
        surviving("remove checkpoints", () -> {
            forgetCheckpoints(request.domain(), request.checkpoint());
            return null;
        }, new boolean[1]);
        return new BackupResult(incremental, true, size(request.target()), DiskImage.read(disk).virtualSize(), frozen);
    }

    private BackupResult copyStopped(BackupRequest request, Path disk, Duration deadline) {
        // No checkpoint can follow a stopped guest's disk: the next live copy is a full one.
        forgetCheckpoints(request.domain(), null);
        try {
            HostCommand.check(deadline, List.of("qemu-img", "convert", "-O", "qcow2", disk.toString(),
                    request.target().toString()));
        } catch (IOException e) {
            deleteQuietly(request.target());
            throw failed("copy stopped disk", e.getMessage(), e);
        }
        return new BackupResult(false, false, size(request.target()), DiskImage.read(disk).virtualSize(), false);
    }

    /** Runs the job to its end; true when the guest's filesystems were frozen as it started. */
    private boolean runJob(BackupRequest request, String device, boolean incremental, boolean checkpoint, Duration deadline,
            JobPercent progress) {
        String backupXml = "<domainbackup mode='push'>"
                + (incremental ? "<incremental>" + DomainXml.esc(request.since()) + "</incremental>" : "")
                + "<disks><disk name='" + DomainXml.esc(device) + "' backup='yes' type='file'>"
                + "<target file='" + DomainXml.esc(request.target().toString()) + "'/><driver type='qcow2'/>"
                + "</disk></disks></domainbackup>";
        String checkpointXml = "<domaincheckpoint><name>" + DomainXml.esc(request.checkpoint()) + "</name>"
                + "<disks><disk name='" + DomainXml.esc(device) + "' checkpoint='bitmap'/></disks></domaincheckpoint>";
        boolean frozen = FrozenStart.begin(new FrozenStart.Guest() {
            @Override
            public void freeze() {
                libvirt.call("freeze filesystems", c -> LibvirtNative.freezeFilesystems(c, request.domain()));
            }

            @Override
            public void begin() {
                onDomain("start backup", request.domain(), d -> {
                    d.backupBegin(backupXml, checkpoint ? checkpointXml : null, 0);
                    return null;
                });
            }

            @Override
            public void thaw() {
                // a guest left frozen hangs every write: a thaw that meets a restarting libvirtd waits for it
                surviving("thaw filesystems", () -> libvirt.call("thaw filesystems",
                        c -> LibvirtNative.thawFilesystems(c, request.domain())), new boolean[1]);
            }
        });
        Instant until = Instant.now().plus(deadline);
        // libvirt keeps a push backup job across a daemon restart: while it is away, wait and ask again
        boolean[] lost = new boolean[1];
        DomainJobInfo job;
        while ((job = surviving("read backup progress", () -> onDomain("read backup progress", request.domain(),
                Domain::getJobInfo), lost)).getType() != JOB_NONE) {
            // a backup job counts the bytes to copy (the whole disk, or the changed blocks) and those copied
            progress.report(percent(job.getDataProcessed(), job.getDataTotal()));
            if (Instant.now().isAfter(until)) {
                onDomain("stop backup", request.domain(), Domain::abortJob);
                throw failed("backup", "the backup job took longer than " + deadline, null);
            }
            sleep();
        }
        int outcome = surviving("read backup result", () -> onDomain("read backup result", request.domain(),
                d -> d.getJobStats(JOB_STATS_COMPLETED).type), lost);
        if (lost[0] && outcome != JOB_COMPLETED) {
            // the daemon went away mid-job and does not know it as completed: the copy cannot be trusted
            throw new HostException(Kind.FAILED, UserMessage.of(INTERRUPTED), "backup job of " + request.domain()
                    + " did not survive a libvirtd restart (state " + outcome + ")", null);
        }
        if (outcome == JOB_CANCELLED) {
            // Stopped on the host (virsh domjobabort): the copy is incomplete, the guest runs on.
            throw new HostException(Kind.FAILED, UserMessage.of(ABORTED), "backup job of "
                    + request.domain() + " was aborted on the host", null);
        }
        if (outcome != JOB_COMPLETED || !Files.isRegularFile(request.target())) {
            throw failed("backup", "the backup job ended with state " + outcome, null);
        }
        if (incremental) {
            // libvirt names the guest's own disk as the increment's backing file; the chain is ours to set.
            unsafeRebase(request.target(), null);
        }
        return frozen;
    }

    /**
     * How much of a copy is done, 0-100, rounded down (100 only when all is copied); 0 while the
     * job does not know its total yet.
     */
    static int percent(long processed, long total) {
        if (total <= 0 || processed <= 0) {
            return 0;
        }
        if (processed >= total) {
            return 100;
        }
        // processed * 100 overflows only past 92 PB: divide first then (less exact, hence the cap)
        return (int) Math.min(99, processed > Long.MAX_VALUE / 100 ? processed / (total / 100) : processed * 100 / total);
    }

    /** Stops a backup job left running by a panel that stopped; nothing when there is none. */
    public void stopBackupJob(String domain) {
        try {
            if (domains.state(domain) == DomainState.RUNNING
                    && onDomain("read backup progress", domain, d -> d.getJobInfo().getType()) != JOB_NONE) {
                onDomain("stop backup", domain, Domain::abortJob);
            }
        } catch (HostException e) {
            log.warn("Could not stop the backup job of {}: {}", domain, e.detail());
        }
    }

    /** Names of the guest's checkpoints; none for a guest that does not exist. */
    public List<String> checkpoints(String domain) {
        if (!domains.exists(domain)) {
            return List.of();
        }
        return onDomain("list checkpoints", domain, d -> List.of(d.checkpointListNames()));
    }

    /** Removes every checkpoint but {@code keep} (null: all); a checkpoint whose bitmap is gone loses its record only. */
    public void forgetCheckpoints(String domain, String keep) {
        if (!domains.exists(domain)) {
            return;
        }
        onDomain("remove checkpoints", domain, d -> {
            for (DomainCheckpoint checkpoint : d.listAllCheckpoints(0)) {
                try {
                    if (!checkpoint.getName().equals(keep)) {
                        try {
                            checkpoint.delete(0);
                        } catch (LibvirtException e) {
                            checkpoint.delete(CHECKPOINT_DELETE_METADATA_ONLY);
                        }
                    }
                } finally {
                    checkpoint.free();
                }
            }
            return null;
        });
    }

    /**
     * Points {@code file}'s backing file at {@code parent} (null: none) without touching its
     * data: an increment holds only changed clusters, the rest is read through the parent.
     */
    public void unsafeRebase(Path file, Path parent) {
        List<String> command = parent == null
                ? List.of("qemu-img", "rebase", "-u", "-b", "", file.toString())
                : List.of("qemu-img", "rebase", "-u", "-F", "qcow2", "-b", parent.toString(), file.toString());
        try {
            HostCommand.check(Duration.ofMinutes(1), command);
        } catch (IOException e) {
            throw failed("link backup chain", e.getMessage(), e);
        }
    }

    /**
     * Makes {@code file} stand on {@code newParent} (null: on nothing) instead of its current
     * parent, copying into it whatever of the current parent it still needs: the current parent
     * can then be removed and {@code file} reads exactly as before.
     */
    public void mergeParentInto(Path file, Path newParent, Duration deadline) {
        List<String> command = newParent == null
                ? List.of("qemu-img", "rebase", "-b", "", file.toString())
                : List.of("qemu-img", "rebase", "-F", "qcow2", "-b", newParent.toString(), file.toString());
        try {
            HostCommand.check(deadline, command);
        } catch (IOException e) {
            throw failed("merge backups", e.getMessage(), e);
        }
    }

    /** The disk's device name in the guest's live definition (the backup job names disks by it). */
    private String device(String domain, Path disk) {
        String xml = domains.liveXml(domain).orElseThrow(() -> failed("backup", "guest " + domain + " vanished", null));
        Matcher m = Pattern.compile("<source file='" + Pattern.quote(disk.toString()) + "'[^>]*/>.*?<target dev='([^']+)'",
                Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            throw failed("backup", "disk " + disk + " is not attached to " + domain, null);
        }
        return m.group(1);
    }

    private <T> T onDomain(String operation, String name, LibvirtConnection.DomainCall<T> action) {
        return libvirt.onDomain(operation, name, action);
    }

    /**
     * Runs {@code call}; while libvirtd is unreachable (restarting), waits at most
     * {@link #DAEMON_RETURN} for it and tries again, noting in {@code lost} that it was away.
     */
    private static <T> T surviving(String operation, Supplier<T> call, boolean[] lost) {
        Instant giveUp = Instant.now().plus(DAEMON_RETURN);
        while (true) {
            try {
                return call.get();
            } catch (HostException e) {
                if (e.kind() != Kind.UNAVAILABLE || Instant.now().isAfter(giveUp)) {
                    if (lost[0]) {
                        throw new HostException(Kind.FAILED, UserMessage.of(INTERRUPTED),
                                operation + " after libvirtd went away: " + e.detail(), e);
                    }
                    throw e;
                }
                if (!lost[0]) {
                    log.warn("libvirtd went away during {} ({}); waiting for it", operation, e.detail());
                }
                lost[0] = true;
                sleep();
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw failed("backup", "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("backup", "interrupted", e);
        }
    }

    private static HostException failed(String what, String detail, Throwable cause) {
        log.warn("{} failed: {}", what, detail);
        return new HostException(Kind.FAILED, UserMessage.of("error.host.backup-failed"),
                what + ": " + detail, cause);
    }
}
