package com.virtpanel.server;

import com.virtpanel.base.OperationFailedException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.host.Domains;
import com.virtpanel.host.GuestMigration;
import com.virtpanel.host.MigrationTarget;
import com.virtpanel.host.Volumes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of {@link Operation#MIGRATE}, each idempotent. On the target host: the files the
 * guest reads that migration does not copy (the seed; a directly booted image's kernel, with its
 * template). On the source host: libvirt's peer-to-peer live migration, which copies the disk and
 * leaves the guest running here unless it runs there. On the target again: the guest runs there.
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
    private final OperationProperties properties;

    MigrationSteps(CatalogService catalog, Volumes volumes, GuestBlueprint blueprint, Domains domains, GuestMigration migration,
            MigrationDestinations destinations, OperationProperties properties) {
        this.catalog = catalog;
        this.volumes = volumes;
        this.blueprint = blueprint;
        this.domains = domains;
        this.migration = migration;
        this.destinations = destinations;
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
            case SETTLE -> {
                if (!domains.state(s.getDomainName()).isActive()) {
                    log.warn("Server {}: {} does not run on {} after its migration", s.getId(), s.getDomainName(), s.getHost());
                    throw new OperationFailedException(UserMessage.of("error.server.migration-not-running"));
                }
            }
            default -> throw new IllegalArgumentException("not a migration step: " + step);
        }
    }

    private void migrate(Server s) {
        String domain = s.getDomainName();
        if (!domains.exists(domain)) {
            // a repeat after the panel died mid-migration: the guest left (libvirt undefines it here only once it runs there)
            log.info("Server {}: {} already left for {}", s.getId(), domain, s.getMigrationTarget());
            return;
        }
        MigrationDestinations.Destination to = destinations.of(s.getMigrationTarget()).orElseThrow(() -> new OperationFailedException(
                UserMessage.of("error.server.migrate-no-address", s.getMigrationTarget())));
        MigrationTarget target = MigrationTarget.of(domain, s.getMigrationTarget(), to.libvirtUri(), to.storageDir(), to.network());
        long started = System.nanoTime();
        migration.live(domain, target, properties.migrationTimeout(),
                percent -> log.debug("Server {}: migration of {} {} % copied", s.getId(), domain, percent));
        log.info("Server {}: {} migrated to {} in {} ms", s.getId(), domain, s.getMigrationTarget(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
