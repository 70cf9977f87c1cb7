package com.virtpanel.server;

import com.virtpanel.account.SshPublicKey;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.base.hosts.LocalHost;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.BusyHost;
import com.virtpanel.host.DomainState;
import com.virtpanel.host.Domains;
import com.virtpanel.host.Template;
import com.virtpanel.host.Volumes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a server's operation (provision, reinstall, delete, and the offline changes of
 * {@link GuestChanges}: root password, SSH key, plan) step by step. The step is stored
 * after each success; every step is idempotent, so a crash anywhere means "repeat the stored
 * step". Host calls happen outside database transactions. An operation first waits for a slot
 * on the host ({@link OperationGate}). A host busy with other work is retried within the step, a
 * host that is unreachable later with back-off; any other failure ends the operation, cleaning
 * up what it created, and never touching the old disk of a reinstall before the new one is in place.
 */
@Component
class OperationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);
    static final int MAX_ATTEMPTS = 6;
    /** Tries of a step whose host call met other work in progress: about 8 s of patience in all. */
    static final int BUSY_ATTEMPTS = 6;

    private final ServerRepository servers;
    private final CatalogService catalog;
    private final Volumes volumes;
    private final Domains domains;
    private final GuestBlueprint blueprint;
    private final GuestChanges guestChanges;
    private final IsoBoots isoBoots;
    private final OperationScheduler scheduler;
    private final OperationGate gate;
    private final OperationProperties properties;
    private final ServerTransitions transitions;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final OperationMetrics metrics;
    private final Clock clock;
    private final RescueSteps rescueSteps;
    private final ServerDomainSpecs specs;
    private final MigrationSteps migrationSteps;
    private final LocalHost localHost;

    OperationRunner(ServerRepository servers, CatalogService catalog, Volumes volumes, Domains domains,
            GuestBlueprint blueprint, GuestChanges guestChanges, IsoBoots isoBoots, OperationScheduler scheduler, OperationGate gate,
            OperationProperties properties, ServerTransitions transitions, TransactionTemplate tx,
            ApplicationEventPublisher events, OperationMetrics metrics, Clock clock, RescueSteps rescueSteps,
            ServerDomainSpecs specs, MigrationSteps migrationSteps, LocalHost localHost) {
        this.migrationSteps = migrationSteps;
        this.localHost = localHost;
        this.rescueSteps = rescueSteps;
        this.specs = specs;
        this.servers = servers;
        this.catalog = catalog;
        this.volumes = volumes;
        this.domains = domains;
        this.blueprint = blueprint;
        this.guestChanges = guestChanges;
        this.isoBoots = isoBoots;
        this.scheduler = scheduler;
        this.gate = gate;
        this.properties = properties;
        this.transitions = transitions;
        this.tx = tx;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    void run(long serverId) {
        if (!gate.admit(serverId)) {
            // in line behind others: the operation that frees a slot wakes us; until then look now and then
            tx.executeWithoutResult(t -> scheduler.runLater(serverId, properties.queuePoll()));
            return;
        }
        try {
            runAdmitted(serverId);
        } finally {
            gate.wakeWaiting(serverId);
        }
    }

    private void runAdmitted(long serverId) {
        while (true) {
            Server server = tx.execute(s -> servers.findById(serverId).orElse(null));
            if (server == null || server.getOperation() == null) {
                return;
            }
            Operation operation = server.getOperation();
            Operation.Step step = server.getOperationStep();
            if (!localHost.isLocal(server.stepHost())) {
                // a migration's step on the other host (the target prepares, the source hands over): its scheduler runs it
                tx.executeWithoutResult(t -> scheduler.runSoon(serverId));
                return;
            }
            try {
                log.debug("Server {} ({}): {} step {}", serverId, server.getDomainName(), operation, step);
                performTimed(server, operation, step);
                complete(serverId, operation, step);
            } catch (PanelException e) {
                if (e.kind() == PanelException.Kind.UNAVAILABLE && retryLater(serverId, e)) {
                    return;
                }
                fail(serverId, operation, step, e.message(), e);
                return;
            } catch (RuntimeException e) {
                fail(serverId, operation, step, UserMessage.of("error.server.unexpected-stop"), e);
                return;
            }
        }
    }

    private void performTimed(Server server, Operation operation, Operation.Step step) {
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            performPatiently(server, step);
            succeeded = true;
        } finally {
            metrics.step(operation, step, succeeded, System.nanoTime() - started);
        }
    }

    /**
     * Performs the step, and again after a short, growing pause while the host is busy with
     * other work (another order's volume being built, a guest's state change lock held): such
     * collisions pass within seconds, and every step is idempotent, so repeating it is safe.
     */
    private void performPatiently(Server server, Operation.Step step) {
        BusyHost.retry("Server " + server.getId() + ": step " + step, BUSY_ATTEMPTS,
                attempt -> Duration.ofMillis((250L << (attempt - 1)) + ThreadLocalRandom.current().nextLong(100)),
                () -> perform(server, step));
    }

    private void perform(Server s, Operation.Step step) {
        switch (step) {
            case PREPARE_DISK -> {
                if (s.getOperation() == Operation.PROVISION && s.getRestoreSource() != null) {
                    // a new server restored from a backup: that point's disk instead of a fresh one
                    volumes.importDisk(java.nio.file.Path.of(s.getRestoreSource()), targetDisk(s));
                    return;
                }
                ImageInfo image = catalog.image(targetImage(s));
                PlanInfo plan = catalog.plan(s.getPlanId());
                Template template = volumes.ensureTemplate(GuestBlueprint.template(image));
                volumes.createDisk(targetDisk(s), template, GuestBlueprint.diskSize(plan, image));
            }
            case WRITE_SEED -> volumes.writeSeed(targetSeed(s), blueprint.seed(s, targetSeed(s)));
            case DEFINE -> define(s, s.getDiskVolume(), s.getSeedVolume(), s.getImageId());
            case STOP -> {
                if (domains.state(s.getDomainName()).isActive()) {
                    domains.powerOff(s.getDomainName());
                }
            }
            // The database learns about the swap in the same transaction that leaves this step.
            case SWAP_DISK -> define(s, s.getPendingDiskVolume(), s.getPendingSeedVolume(), s.getPendingImageId());
            case DELETE_OLD_VOLUMES -> {
                deleteIfPresent(s.getPendingDiskVolume());
                if (!s.getPendingSeedVolume().equals(s.getSeedVolume())) { // a restore keeps its seed
                    deleteIfPresent(s.getPendingSeedVolume());
                }
            }
            case START -> {
                DomainState state = domains.state(s.getDomainName());
                if (!state.isActive()) {
                    domains.start(s.getDomainName());
                }
            }
            case REMOVE_DOMAIN -> domains.destroyAndUndefine(s.getDomainName());
            case DELETE_VOLUMES -> volumes.ofGuest(s.getDomainName()).forEach(volumes::delete);
            case SHUT_DOWN, WRITE_PASSWORD, WRITE_SSH_KEY, UPDATE_SEED, APPLY_PLAN, GROW_DISK, START_AGAIN ->
                    guestChanges.perform(s, step);
            case BOOT_FROM_ISO, EJECT_ISO -> isoBoots.perform(s, step);
            case RESTORE_DISK -> volumes.importDisk(java.nio.file.Path.of(s.getRestoreSource()), s.getPendingDiskVolume());
            case WRITE_RESCUE_SEED, DEFINE_RESCUE, START_RESCUE, DELETE_RESCUE_SEED -> rescueSteps.perform(s, step);
            case PREPARE_TARGET, MIGRATE_GUEST, SETTLE -> migrationSteps.perform(s, step);
        }
    }

    private void define(Server s, String disk, String seed, long imageId) {
        domains.define(specs.of(s, s.getPlanId(), imageId, disk, seed));
    }

    private void complete(long serverId, Operation operation, Operation.Step step) {
        tx.executeWithoutResult(t -> {
            Server s = servers.findById(serverId).orElseThrow();
            switch (step) {
                case SWAP_DISK -> s.swapToPendingDisk(clock.instant());
                case WRITE_PASSWORD -> s.applyPendingPassword(clock.instant());
                case WRITE_SSH_KEY -> s.applyPendingSshKey(clock.instant());
                // the plan is in effect once the disk has grown (or, live, once the guest is redefined)
                case GROW_DISK -> s.swapToPendingPlan(clock.instant());
                case BOOT_FROM_ISO -> s.attachPendingIso(clock.instant());
                case EJECT_ISO -> s.detachIso(clock.instant());
                case START_RESCUE -> s.enterRescue(clock.instant().plus(rescueSteps.timeout()), clock.instant());
                case MIGRATE_GUEST -> s.arrived(clock.instant());
                case DEFINE -> {
                    if (operation == Operation.LEAVE_RESCUE) {
                        s.leftRescue(clock.instant());
                    }
                }
                case APPLY_PLAN -> {
                    if (operation == Operation.CHANGE_PLAN_LIVE) {
                        s.swapToPendingPlan(clock.instant());
                    }
                }
                default -> { }
            }
            Operation.Step next = operation.after(step);
            if (next != null) {
                s.advance(next, clock.instant());
                return;
            }
            switch (operation) {
                case PROVISION -> {
                    s.restoreDone();
                    transitions.finish(s, ServerStatus.RUNNING);
                    events.publishEvent(new ServerEvents.Provisioned(serverId, s.getAccountId(), s.getDomainName()));
                }
                case REINSTALL -> {
                    transitions.finish(s, ServerStatus.RUNNING);
                    events.publishEvent(new ServerEvents.Reinstalled(serverId, s.getAccountId(), s.getDomainName()));
                }
                case RESTORE -> {
                    s.restoreDone();
                    transitions.finish(s, ServerStatus.RUNNING);
                    events.publishEvent(new ServerEvents.Restored(serverId, s.getAccountId()));
                }
                case DELETE -> {
                    s.markDeleted(clock.instant());
                    transitions.announce(s);
                    events.publishEvent(new ServerEvents.Deleted(serverId, s.getAccountId(), s.getDomainName()));
                }
                case RESET_PASSWORD -> {
                    transitions.finish(s, s.isResumeRunning() ? ServerStatus.RUNNING : ServerStatus.STOPPED);
                    events.publishEvent(new ServerEvents.RootPasswordReset(serverId, s.getAccountId()));
                }
                case ADD_SSH_KEY -> {
                    String fingerprint = SshPublicKey.parse("ssh_key", s.getPendingSshKey()).fingerprint();
                    transitions.finish(s, ServerStatus.STOPPED);
                    events.publishEvent(new ServerEvents.SshKeyAdded(serverId, s.getAccountId(), fingerprint));
                }
                case RESCUE -> {
                    transitions.finish(s, ServerStatus.RESCUE);
                    events.publishEvent(new ServerEvents.RescueStarted(serverId, s.getAccountId(), s.getRescueUntil()));
                }
                case LEAVE_RESCUE -> {
                    transitions.finish(s, s.isResumeRunning() ? ServerStatus.RUNNING : ServerStatus.STOPPED);
                    events.publishEvent(new ServerEvents.RescueEnded(serverId, s.getAccountId()));
                }
                case CHANGE_PLAN, CHANGE_PLAN_LIVE -> {
                    long oldPlan = s.getPendingPlanId();
                    ServerStatus after = operation == Operation.CHANGE_PLAN_LIVE ? s.getStatus()
                            : s.isResumeRunning() ? ServerStatus.RUNNING : ServerStatus.STOPPED;
                    transitions.finish(s, after);
                    events.publishEvent(new ServerEvents.PlanChanged(serverId, s.getAccountId(), oldPlan, s.getPlanId()));
                }
                case BOOT_ISO, EJECT_ISO -> isoBoots.finish(s, operation);
                case MIGRATE -> {
                    migrationSteps.ended(s);
                    transitions.finish(s, s.isResumeRunning() ? ServerStatus.RUNNING : ServerStatus.STOPPED);
                    events.publishEvent(new ServerEvents.Migrated(serverId, s.getAccountId(), s.getDomainName(), s.getHost()));
                }
            }
        });
        if (operation.after(step) == null) {
            metrics.finished(operation, true);
        }
    }

    /** The host did not answer: try the same step again later, a few times, before giving up. */
    private boolean retryLater(long serverId, PanelException e) {
        Integer attempts = tx.execute(t -> servers.findById(serverId).map(s -> s.recordAttempt(clock.instant())).orElse(MAX_ATTEMPTS));
        if (attempts == null || attempts >= MAX_ATTEMPTS) {
            return false;
        }
        Duration delay = Duration.ofSeconds(5L << Math.min(attempts, 5));
        log.warn("Server {}: host unreachable ({}); retrying in {} s", serverId, e.getMessage(), delay.toSeconds());
        tx.executeWithoutResult(t -> scheduler.runLater(serverId, delay));
        return true;
    }

    private void fail(long serverId, Operation operation, Operation.Step step, UserMessage reason, Exception cause) {
        log.error("Server {}: {} failed in step {}: {}", serverId, operation, step, reason.english(), cause);
        Server server = tx.execute(t -> servers.findById(serverId).orElseThrow());
        boolean disksSwapped = (operation == Operation.REINSTALL || operation == Operation.RESTORE)
                && step.ordinal() > Operation.Step.SWAP_DISK.ordinal();
        ServerStatus outcome = switch (operation) {
            case PROVISION -> {
                cleanUpQuietly(server.getDomainName(), true);
                yield ServerStatus.FAILED;
            }
            case REINSTALL, RESTORE -> disksSwapped ? ServerStatus.FAILED : abandonReinstall(server, step);
            case DELETE -> ServerStatus.FAILED;
            case RESET_PASSWORD, ADD_SSH_KEY, CHANGE_PLAN, CHANGE_PLAN_LIVE -> guestChanges.restore(server, operation, step);
            case BOOT_ISO, EJECT_ISO -> isoBoots.restore(server);
            case RESCUE, LEAVE_RESCUE -> rescueSteps.restore(server);
            case MIGRATE -> migrationSteps.restore(server, step);
        };
        boolean changed = GuestChanges.changed(step);
        // what failed, and whether the server was left as it was: server.failure.<kind> in the bundles
        String kind = switch (operation) {
            case PROVISION -> "provision";
            case REINSTALL -> disksSwapped ? "reinstall" : "reinstall-kept";
            case RESTORE -> disksSwapped ? "restore" : "restore-kept";
            case DELETE -> "delete";
            case RESET_PASSWORD -> changed ? "password-changed" : "password-kept";
            case ADD_SSH_KEY -> changed ? "ssh-key-added" : "ssh-key-kept";
            case CHANGE_PLAN, CHANGE_PLAN_LIVE -> changed ? "plan-changed" : "plan-kept";
            case BOOT_ISO -> "boot-iso";
            case EJECT_ISO -> "eject-iso";
            case RESCUE -> "rescue";
            case LEAVE_RESCUE -> "leave-rescue";
            case MIGRATE -> step != Operation.Step.SETTLE ? "migrate-kept" : "migrate";
        };
        UserMessage failure = UserMessage.of("server.failure." + kind, reason);
        tx.executeWithoutResult(t -> {
            Server s = servers.findById(serverId).orElseThrow();
            if (operation == Operation.RESTORE || operation == Operation.PROVISION) {
                s.restoreDone();
            }
            if (operation == Operation.RESCUE || operation == Operation.LEAVE_RESCUE) {
                s.leftRescue(clock.instant()); // restore() brought the normal definition back
            }
            if (operation == Operation.MIGRATE) {
                migrationSteps.ended(s);
            }
            s.fail(failure, outcome, clock.instant());
            transitions.announce(s);
            events.publishEvent(new ServerEvents.OperationFailed(serverId, s.getAccountId(), operation.name(), reason.english()));
        });
        metrics.finished(operation, false);
    }

    /** Before the swap the old disk is untouched: drop the new volumes and bring the server back. */
    private ServerStatus abandonReinstall(Server server, Operation.Step failedStep) {
        deleteQuietly(server.getPendingDiskVolume());
        if (!server.getPendingSeedVolume().equals(server.getSeedVolume())) { // a restore keeps its seed
            deleteQuietly(server.getPendingSeedVolume());
        }
        try {
            if (failedStep.ordinal() >= Operation.Step.STOP.ordinal() && !domains.state(server.getDomainName()).isActive()) {
                domains.start(server.getDomainName());
            }
            return domains.state(server.getDomainName()).isActive() ? ServerStatus.RUNNING : ServerStatus.STOPPED;
        } catch (RuntimeException e) {
            log.warn("Server {}: could not restart after a failed reinstall: {}", server.getId(), e.getMessage());
            return ServerStatus.STOPPED;
        }
    }

    /** Removes whatever a failed provisioning created, so nothing is left behind on the host. */
    private void cleanUpQuietly(String domain, boolean volumesToo) {
        try {
            domains.destroyAndUndefine(domain);
            if (volumesToo) {
                volumes.ofGuest(domain).forEach(this::deleteQuietly);
            }
        } catch (RuntimeException e) {
            log.warn("Cleaning up {} failed: {}", domain, e.getMessage());
        }
    }

    private void deleteIfPresent(String volume) {
        if (volume != null && volumes.exists(volume)) {
            volumes.delete(volume);
        }
    }

    private void deleteQuietly(String volume) {
        try {
            deleteIfPresent(volume);
        } catch (RuntimeException e) {
            log.warn("Could not delete volume {}: {}", volume, e.getMessage());
        }
    }

    private static long targetImage(Server s) {
        return s.getOperation() == Operation.REINSTALL ? s.getPendingImageId() : s.getImageId();
    }

    private static String targetDisk(Server s) {
        return s.getOperation() == Operation.REINSTALL ? s.getPendingDiskVolume() : s.getDiskVolume();
    }

    private static String targetSeed(Server s) {
        return s.getOperation() == Operation.REINSTALL ? s.getPendingSeedVolume() : s.getSeedVolume();
    }
}
