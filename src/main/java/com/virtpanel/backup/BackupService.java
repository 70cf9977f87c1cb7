package com.virtpanel.backup;

import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.base.ConflictException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerRestore;
import com.virtpanel.server.ServerService;
import com.virtpanel.base.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backups of one server, for the UI and the REST API. Only the caller's own servers (or any,
 * for staff); one backup, restore or delete per server at a time, however many ask at once
 * (the database's unique busy_server_id decides, so this holds across threads and instances).
 */
@Service
public class BackupService {

    private final ServerService servers;
    private final ServerRestore restores;
    private final ServerDirectory directory;
    private final CurrentUser currentUser;
    private final BackupRepository backups;
    private final BackupRunner runner;
    private final BackupChains chains;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BackupEventsPublisher events;
    private final ServerOrders orders;
    private final CatalogService catalog;
    private final BackupProperties properties;

    BackupService(ServerService servers, ServerRestore restores, ServerDirectory directory, CurrentUser currentUser, BackupRepository backups,
            BackupRunner runner, BackupChains chains, TransactionTemplate tx, Clock clock,
            BackupEventsPublisher events, ServerOrders orders, CatalogService catalog, BackupProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
        this.orders = orders;
        this.events = events;
        this.servers = servers;
        this.restores = restores;
        this.directory = directory;
        this.currentUser = currentUser;
        this.backups = backups;
        this.runner = runner;
        this.chains = chains;
        this.tx = tx;
        this.clock = clock;
    }

    /** The server's backups, newest first. */
    public List<BackupInfo> list(long serverId) {
        servers.get(serverId); // not the caller's: not found
        return backups.findByServerIdOrderByCreatedAtDescIdDesc(serverId).stream().map(Backup::info).toList();
    }

    /** The server's daily backups; empty when its plan keeps none or the schedule is off. */
    public Optional<DailyBackups> daily(long serverId) {
        ServerInfo server = servers.get(serverId); // not the caller's: not found
        int slots = catalog.plan(server.planId()).backupSlots();
        if (!properties.schedule().enabled() || slots == 0) {
            return Optional.empty();
        }
        BackupSchedule schedule = properties.schedule().window();
        LocalDate today = schedule.windowOf(clock.instant());
        LocalTime startsAt = schedule.startOf(serverId, today).atZone(schedule.zone()).toLocalTime().withSecond(0).withNano(0);
        return Optional.of(new DailyBackups(startsAt, schedule.zone(), slots));
    }

    /** Starts a backup of the server now; it runs on in the background (status "running"). */
    public BackupInfo backUpNow(long serverId) {
        ServerInfo server = changeable(serverId);
        String disk = directory.diskVolume(serverId)
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.server-not-found")));
        Backup started = claim(() -> {
            Backup b = backups.saveAndFlush(Backup.starting(serverId, server.accountId(), disk, clock.instant()));
            events.requested(b);
            return b;
        });
        runner.start(started.getId());
        return started.info();
    }

    /**
     * Starts the plan's daily backup of the server for the window that opened on {@code window},
     * for the schedule (no caller to authorise). False when there is nothing to do: the server is
     * gone or busy, or its backup of this window exists (made by this or another instance).
     */
    boolean startScheduled(ServerRef server, LocalDate window) {
        Optional<String> disk = directory.diskVolume(server.id());
        if (disk.isEmpty()) {
            return false;
        }
        Backup started;
        try {
            started = tx.execute(status -> {
                Backup b = backups.saveAndFlush(Backup.scheduled(server.id(), server.accountId(), disk.get(), clock.instant(), window));
                events.requested(b);
                return b;
            });
        } catch (DataIntegrityViolationException busyOrAlreadyMade) {
            return false;
        }
        runner.start(started.getId());
        return true;
    }

    /**
     * Deletes a backup that is not running. Backups made after it that build on it keep
     * working: its contents are merged into the next one first.
     */
    public void delete(long serverId, long backupId) {
        changeable(serverId);
        Backup backup = backups.findById(backupId).filter(b -> b.getServerId() == serverId)
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.backup.not-found")));
        if (backup.getStatus() == BackupStatus.RUNNING) {
            throw new ConflictException(UserMessage.of("error.backup.busy"));
        }
        hold(backupId);
        chains.delete(backupId);
    }

    /**
     * Restores the server's disk to the moment of the backup (a backup in the middle of a chain
     * gives exactly that moment's disk). Every file the backup needs is checked against the
     * manifest first: a damaged backup is flagged and refused, never restored. The restore then
     * runs as the server's operation (status "restoring"); the old disk stays until the new one
     * is complete.
     *
     * @param target "same" (this server) or "new" (a new server of the customer, named {@code name}:
     *               see {@link #restoreIntoNew})
     * @return the restored server: this one, or the new one
     */
    public ServerInfo restore(long serverId, long backupId, String target, String name) {
        if ("new".equals(target)) {
            servers.get(serverId); // not the caller's: not found
            return restoreIntoNew(ownBackup(backupId, b -> b.getServerId() == serverId), name);
        }
        if (!"same".equals(target)) {
            throw new InvalidInputException("target", UserMessage.of("error.backup.restore-target"));
        }
        changeable(serverId);
        restores.requireMayRestore(serverId);
        Backup backup = backups.findById(backupId).filter(b -> b.getServerId() == serverId)
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.backup.not-found")));
        if (backup.getStatus() != BackupStatus.OK) {
            throw new ConflictException(UserMessage.of("error.backup.not-restorable", backup.getStatus().apiName()));
        }
        hold(backupId);
        try {
            chains.requireIntact(backupId);
            return restores.restore(serverId, chains.file(backup), "backup " + backupId + " of " + backup.getCreatedAt());
        } finally {
            // the server's own operation holds it from here: no backup or delete while it is busy
            chains.release(backupId);
        }
    }

    /** The caller's kept backups (those whose server was deleted with "keep backups"); staff see all. Newest first. */
    public List<KeptBackup> kept() {
        Actor actor = currentUser.require();
        List<Backup> kept = actor.isStaff() ? backups.findByKeptTrueOrderByCreatedAtDescIdDesc()
                : backups.findByAccountIdAndKeptTrueOrderByCreatedAtDescIdDesc(actor.accountId());
        return kept.stream().map(b -> new KeptBackup(b.info(),
                directory.find(b.getServerId()).map(com.virtpanel.server.ServerRef::name).orElse(""))).toList();
    }

    /** Restores a kept backup into a new server named {@code name} (see {@link #restoreIntoNew}). */
    public ServerInfo restoreKept(long backupId, String name) {
        return restoreIntoNew(ownBackup(backupId, Backup::isKept), name);
    }

    /** Deletes a kept backup; later kept backups that build on it stay restorable. */
    public void deleteKept(long backupId) {
        Backup backup = ownBackup(backupId, Backup::isKept);
        currentUser.requireMayChange().requireMayChange(backup.getAccountId());
        hold(backupId);
        chains.delete(backupId);
    }

    /**
     * Orders a new server of the backup's customer (same plan and image as the backup's server,
     * through the normal order rules) whose disk is the backup's. One restore from a backup at a
     * time: the backup is held until the new server is running or has failed, so a double click
     * (or ten simultaneous requests) orders one server, and the backup and its server cannot be
     * deleted under the restore. A bad name is refused before anything is held or created.
     */
    private ServerInfo restoreIntoNew(Backup backup, String name) {
        currentUser.requireMayChange().requireMayChange(backup.getAccountId());
        orders.checkNameFor(backup.getAccountId(), name);
        if (backup.getStatus() != BackupStatus.OK) {
            throw new ConflictException(UserMessage.of("error.backup.not-restorable", backup.getStatus().apiName()));
        }
        long backupId = backup.getId();
        hold(backupId);
        try {
            chains.requireIntact(backupId);
            ServerInfo created = orders.orderFromBackup(backup.getServerId(), name, chains.file(backup),
                    "backup " + backupId + " of " + backup.getCreatedAt());
            tx.executeWithoutResult(s -> {
                Backup held = backups.findById(backupId).orElseThrow();
                boolean provisioning = directory.find(created.id()).map(r -> BackupsOfDeletedServers.beingMade(r.status())).orElse(false);
                if (provisioning) {
                    held.restoringInto(created.id()); // BackupsOfDeletedServers lets go when it is running or failed
                } else {
                    held.release(); // already done
                }
                backups.save(held);
            });
            return created;
        } catch (RuntimeException e) {
            chains.release(backupId);
            throw e;
        }
    }

    /** The backup, if it matches and the caller may see it (theirs, or staff); else not found. */
    private Backup ownBackup(long backupId, java.util.function.Predicate<Backup> matches) {
        Actor actor = currentUser.require();
        return backups.findById(backupId).filter(matches).filter(b -> actor.mayAccess(b.getAccountId()))
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.backup.not-found")));
    }

    private ServerInfo changeable(long serverId) {
        ServerInfo server = servers.get(serverId);
        currentUser.requireMayChange().requireMayChange(server.accountId());
        server.requireHostReachable();
        if (server.busy()) {
            throw new ConflictException(UserMessage.of("error.backup.server-busy"));
        }
        return server;
    }

    /** Holds an existing backup for a restore or delete, or refuses: a job holds it or another of the server's backups. */
    private void hold(long backupId) {
        if (!chains.tryHold(backupId)) {
            throw new ConflictException(UserMessage.of("error.backup.busy"));
        }
    }

    /** Takes the server's one job slot, or refuses: another backup, restore or delete holds it. */
    private Backup claim(java.util.function.Supplier<Backup> write) {
        try {
            return tx.execute(status -> write.get());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(UserMessage.of("error.backup.busy"));
        }
    }
}
