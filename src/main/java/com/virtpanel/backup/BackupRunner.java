package com.virtpanel.backup;

import com.virtpanel.base.PanelException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.base.hosts.HostSchedulers;
import com.virtpanel.host.GuestBackups;
import com.virtpanel.host.Volumes;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one backup in the background: the copy (full, or the changes since the newest good
 * backup when its checkpoint still stands for this disk), then its hash in the manifest, then a
 * re-read against the manifest. Only then is it "ok"; any failure leaves it "failed" with the
 * reason and removes its file. At most panel.backup.max-parallel run at once; more wait.
 */
@Component
class BackupRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackupRunner.class);

    private final BackupRepository backups;
    private final BackupStore store;
    private final GuestBackups host;
    private final Volumes volumes;
    private final ServerDirectory directory;
    private final BackupProperties properties;
    private final BackupEventsPublisher events;
    private final TransactionTemplate tx;
    private final HostSchedulers schedulers;
    private final ExecutorService workers;

    BackupRunner(BackupRepository backups, BackupStore store, GuestBackups host, Volumes volumes, ServerDirectory directory,
            BackupProperties properties, BackupEventsPublisher events, TransactionTemplate tx, HostSchedulers schedulers) {
        this.backups = backups;
        this.store = store;
        this.host = host;
        this.volumes = volumes;
        this.directory = directory;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.schedulers = schedulers;
        int threads = Math.max(1, properties.maxParallel());
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "backup");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs the backup (a row in status RUNNING) once the caller's transaction is over: here when
     * its server is on this instance's host, else on an instance of the server's host, through that
     * host's scheduler (only its libvirtd has the guest).
     */
    void start(long backupId) {
        Backup backup = backups.findById(backupId).orElseThrow();
        long serverId = backup.getServerId();
        if (directory.isHere(serverId)) {
            workers.execute(() -> run(backupId));
            return;
        }
        String serverHost = directory.host(serverId).orElseThrow();
        JobDetail job = JobBuilder.newJob(BackupJobs.RunJob.class).withIdentity("backup-" + backupId, "backup-runs")
                .usingJobData(BackupJobs.RunJob.BACKUP_ID, backupId).build();
        try {
            schedulers.runOnce(serverHost, job);
        } catch (IllegalStateException e) {
            log.error("Backup {} of server {} could not be handed to host {}", backupId, serverId, serverHost, e);
            fail(backupId, serverId, store.file(serverId, backup.getFileName()), UserMessage.of("error.backup.failed-unexpectedly"));
        }
    }

    void run(long backupId) {
        Backup backup = backups.findById(backupId).orElseThrow();
        long serverId = backup.getServerId();
        if (backup.getStatus() != BackupStatus.RUNNING) { // e.g. failed by a restart while it waited for this host
            log.info("Backup {} of server {} is {} now: not made", backupId, serverId, backup.getStatus());
            return;
        }
        Path target = store.file(serverId, backup.getFileName());
        try {
            ServerRef server = directory.find(serverId).orElseThrow(() -> new IllegalStateException("server " + serverId + " is gone"));
            long virtualBytes = volumes.virtualSize(backup.getDiskVolume());
            store.prepare(serverId, virtualBytes);
            Optional<Backup> parent = parentFor(backup, virtualBytes);
            var result = host.backup(new GuestBackups.BackupRequest(server.domain(), backup.getDiskVolume(), target,
                    backup.getCheckpoint(), parent.map(Backup::getCheckpoint).orElse(null)), properties.timeout(),
                    percent -> progress(backup, percent));
            Long parentId = null;
            if (result.incremental()) {
                // Relative, so the chain still holds when the repository is mounted elsewhere.
                host.unsafeRebase(target, Path.of(parent.orElseThrow().getFileName()));
                parentId = parent.get().getId();
            }
            BackupKind kind = parentId == null ? BackupKind.FULL : BackupKind.INCREMENTAL;
            String sha256 = store.sha256(target);
            long size = java.nio.file.Files.size(target);
            store.record(serverId, new Manifest.Entry(backup.getFileName(), size, sha256,
                    parent.filter(p -> result.incremental()).map(Backup::getFileName).orElse(null), kind.apiName(),
                    backup.getCreatedAt().toString()));
            Optional<String> problem = store.verify(serverId, backup.getFileName());
            if (problem.isPresent()) {
                throw new BackupStore.RepositoryProblem("The backup did not read back as written: " + problem.get(), null);
            }
            Long finalParentId = parentId;
            tx.executeWithoutResult(s -> {
                Backup b = backups.findById(backupId).orElseThrow();
                b.completed(kind, finalParentId, result.checkpointed(), size, result.virtualBytes(), sha256, result.frozen());
                backups.save(b);
                events.completed(b);
            });
            log.info("Backup {} of server {}: {} ({} bytes)", backupId, serverId, kind, size);
        } catch (BackupStore.RepositoryProblem e) {
            fail(backupId, serverId, target, UserMessage.of("error.backup.repository-problem", e.getMessage()));
        } catch (PanelException e) {
            fail(backupId, serverId, target, e.message());
        } catch (Exception e) {
            log.error("Backup {} of server {} failed", backupId, serverId, e);
            fail(backupId, serverId, target, UserMessage.of("error.backup.failed-unexpectedly"));
        }
    }

    /**
     * Stores how far the copy is, for every instance's pages and the API, and tells this
     * instance's open pages. A failure here only costs the customer a fresher number.
     */
    private void progress(Backup backup, int percent) {
        try {
            tx.executeWithoutResult(s -> {
                if (backups.setProgress(backup.getId(), percent) == 1) {
                    events.progress(backup, percent);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not note the progress of backup {}: {}", backup.getId(), e.getMessage());
        }
    }

    /** A backup cut off by a restart: failed, its file removed. */
    void interrupted(long backupId) {
        Backup b = backups.findById(backupId).orElseThrow();
        fail(backupId, b.getServerId(), store.file(b.getServerId(), b.getFileName()),
                UserMessage.of("error.backup.panel-restarted"));
    }

    /**
     * The newest good backup, if this one can build on it: marked by a checkpoint
     * from the same disk (a reinstall or restore makes a new one) of the same size (a grown disk
     * has a bitmap of the old size). Whether the checkpoint still exists the host checks.
     */
    private Optional<Backup> parentFor(Backup backup, long virtualBytes) {
        return backups.findFirstByServerIdAndStatusOrderByCreatedAtDescIdDesc(backup.getServerId(), BackupStatus.OK)
                .filter(Backup::isCheckpointed)
                .filter(p -> p.getDiskVolume().equals(backup.getDiskVolume()))
                .filter(p -> p.getVirtualBytes() == virtualBytes);
    }

    private void fail(long backupId, long serverId, Path target, UserMessage why) {
        log.warn("Backup {} of server {} failed: {}", backupId, serverId, why.english());
        try {
            store.remove(serverId, target.getFileName().toString());
        } catch (BackupStore.RepositoryProblem | RuntimeException e) {
            log.warn("Could not clean up after backup {}: {}", backupId, e.getMessage());
        }
        tx.executeWithoutResult(s -> {
            Backup b = backups.findById(backupId).orElseThrow();
            b.failed(why);
            backups.save(b);
            events.failed(b);
        });
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
