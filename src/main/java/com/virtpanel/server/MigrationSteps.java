package com.virtpanel.server;

import com.virtpanel.base.OperationFailedException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.host.CpuSet;
import com.virtpanel.host.DomainState;
import com.virtpanel.host.Domains;
import com.virtpanel.host.GuestMigration;
import com.virtpanel.host.MigrationTarget;
import com.virtpanel.host.Volumes;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of {@link Operation#MIGRATE}, each idempotent. On the target host: the files the
 * guest reads that migration does not copy (the seed; a directly booted image's kernel, with its
 * template). On the source host: libvirt's peer-to-peer migration, which copies the disk and
 * leaves the guest here unless it runs there (a stopped guest moves paused, see
 * GuestMigration#cold). On the target again: the guest runs there, or a stopped one is stopped.
 */
@Component
class MigrationSteps {

    private static final Logger log = LoggerFactory.getLogger(MigrationSteps.class);

    private final CatalogService catalog;
    private final Volumes volumes;
    private final GuestBlueprint blueprint;
    private final Domains domains;
    private final GuestMigration migration;
    private final MigrationDestinations destinations;
    private final DedicatedCores cores;
    private final StepProgress stepProgress;
    private final MoveLeftovers leftovers;
    private final OperationProperties properties;

    MigrationSteps(CatalogService catalog, Volumes volumes, GuestBlueprint blueprint, Domains domains, GuestMigration migration,
            MigrationDestinations destinations, DedicatedCores cores, StepProgress stepProgress,
            MoveLeftovers leftovers, OperationProperties properties) {
        this.catalog = catalog;
        this.volumes = volumes;
        this.blueprint = blueprint;
        this.domains = domains;
        this.migration = migration;
        this.destinations = destinations;
        this.cores = cores;
        this.stepProgress = stepProgress;
        this.leftovers = leftovers;
        this.properties = properties;
    }

    void perform(Server s, Operation.Step step) {
        switch (step) {
            case PREPARE_TARGET -> {
                ImageInfo image = catalog.image(s.getImageId());
                volumes.ensureTemplate(GuestBlueprint.template(image));
                volumes.writeSeed(s.getSeedVolume(), blueprint.seed(s, s.getSeedVolume()));
            }
            case MIGRATE_GUEST -> migrate(s);
            case SETTLE -> settle(s);
            default -> throw new IllegalArgumentException("not a migration step: " + step);
        }
    }

    private void migrate(Server s) {
        String domain = s.getDomainName();
        if (!domains.exists(domain)) {
            // a repeat after the panel died mid-migration: the guest left (libvirt undefines it here only once it runs there)
            log.info("Server {}: {} already left for {} (its files here, if any, are kept)", s.getId(), domain,
                    s.getMigrationTarget());
            return;
        }
        MigrationDestinations.Destination to = destinations.of(s.getMigrationTarget()).orElseThrow(() -> new OperationFailedException(
                UserMessage.of("error.server.migrate-no-address", s.getMigrationTarget())));
        // a dedicated server's vCPUs on the cores it took there when the move was asked for
        CpuSet dedicated = catalog.plan(s.getPlanId()).dedicated() ? cores.of(s.getMigrationTarget(), s.getId()) : null;
        MigrationTarget target = MigrationTarget.of(domain, s.getMigrationTarget(), to.libvirtUri(), to.storageDir(), to.network(),
                new MigrationTarget.Cores(dedicated, to.sharedCores()));
        long started = System.nanoTime();
        IntConsumer progress = percent -> stepProgress.note(s.getId(), Operation.Step.MIGRATE_GUEST, percent);
        if (s.isResumeRunning()) {
            migration.live(domain, target, properties.migrationTimeout(), progress);
        } else {
            migration.cold(domain, target, properties.migrationTimeout(), progress);
        }
        log.info("Server {}: {} migrated to {} in {} ms", s.getId(), domain, s.getMigrationTarget(),
                (System.nanoTime() - started) / 1_000_000);
        removeLocalCopy(s, domain);
    }

    /**
     * The guest runs on the target now, from its own copy of the disk; libvirt leaves this host's
     * copy (and seed, and serial log) behind. They hold the customer's data and take room: they go.
     * Only right after a move this step saw succeed: a guest found gone on a repeat might have
     * vanished another way, and its files are then the only copy.
     */
    private void removeLocalCopy(Server s, String domain) {
        domains.destroyAndUndefine(domain); // gone already: only its serial log is removed
        for (String volume : volumes.ofGuest(domain)) {
            try {
                volumes.delete(volume);
            } catch (RuntimeException e) {
                log.warn("Server {}: {} left on this host after the move: {}", s.getId(), volume, e.getMessage());
            }
        }
    }

    /** On the target: a running server's guest runs here; a stopped one's arrived paused, and is stopped (it never ran). */
    private void settle(Server s) {
        DomainState state = domains.state(s.getDomainName());
        if (s.isResumeRunning() && !state.isActive() || state == DomainState.MISSING) {
            log.warn("Server {}: {} is {} on {} after its migration", s.getId(), s.getDomainName(), state, s.getHost());
            throw new OperationFailedException(UserMessage.of("error.server.migration-not-running"));
        }
        if (!s.isResumeRunning() && state.isActive()) {
            domains.powerOff(s.getDomainName());
        }
    }

    /** The move is over (arrived, or failed): a dedicated server keeps reserved cores on its own host only. Runs in its transaction. */
    void ended(Server s) {
        cores.keepOnlyOn(s.getHost(), s.getId());
    }

    /**
     * After a failed step, the status the server is left in. Before the switch-over the guest is
     * where it was: a running one runs (libvirt leaves it so), a stopped one's guest, started
     * paused for the copy, is stopped again. In the last step it is on the target, as it is there.
     */
    ServerStatus restore(Server s, Operation.Step failed) {
        if (failed != Operation.Step.SETTLE) {
            leftovers.removeFrom(s.getMigrationTarget(), s.getDomainName());
        }
        if (failed != Operation.Step.SETTLE && s.isResumeRunning()) {
            return ServerStatus.RUNNING;
        }
        try {
            boolean active = domains.state(s.getDomainName()).isActive();
            if (failed == Operation.Step.SETTLE) {
                return active ? ServerStatus.RUNNING : ServerStatus.STOPPED;
            }
            if (active) {
                domains.powerOff(s.getDomainName());
            }
        } catch (RuntimeException e) {
            log.warn("Server {}: its guest's state not settled after the failed move: {}", s.getId(), e.getMessage());
        }
        return ServerStatus.STOPPED;
    }
}
