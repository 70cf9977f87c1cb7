package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ConflictException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.host.Domains;
import com.virtpanel.host.GuestImageTools;
import com.virtpanel.host.Volumes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the offline operations (root password, SSH key, plan change) for
 * {@link OperationRunner}. Each is idempotent. The disk itself changes in one place per
 * operation (libguestfs' commit of its scratch layer); until then a failure is undone by
 * {@link #restore}, which brings the server back to how it was.
 */
@Component
class GuestChanges {

    private static final Logger log = LoggerFactory.getLogger(GuestChanges.class);

    private final Domains domains;
    private final Volumes volumes;
    private final GuestImageTools tools;
    private final CatalogService catalog;
    private final GuestBlueprint blueprint;
    private final OperationProperties properties;
    private final ServerDomainSpecs specs;

    GuestChanges(Domains domains, Volumes volumes, GuestImageTools tools, CatalogService catalog, GuestBlueprint blueprint,
            OperationProperties properties, ServerDomainSpecs specs) {
        this.domains = domains;
        this.volumes = volumes;
        this.tools = tools;
        this.catalog = catalog;
        this.blueprint = blueprint;
        this.properties = properties;
        this.specs = specs;
    }

    void perform(Server s, Operation.Step step) {
        switch (step) {
            case SHUT_DOWN -> shutDown(s.getDomainName());
            case WRITE_PASSWORD -> {
                requireStopped(s);
                tools.setRootPasswordHash(s.getDiskVolume(), s.getPendingPasswordHash());
            }
            case WRITE_SSH_KEY -> {
                requireStopped(s);
                tools.addRootSshKey(s.getDiskVolume(), s.getPendingSshKey());
            }
            // The seed follows the server's keys and password: a guest that runs its first-boot
            // steps again (a lost instance state) must not bring back the old ones.
            case UPDATE_SEED -> volumes.writeSeed(s.getSeedVolume(), blueprint.seed(s, s.getSeedVolume()));
            case APPLY_PLAN -> define(s, s.getPendingPlanId());
            case GROW_DISK -> {
                ImageInfo image = catalog.image(s.getImageId());
                int before = GuestBlueprint.diskSize(catalog.plan(s.getPlanId()), image);
                int after = GuestBlueprint.diskSize(catalog.plan(s.getPendingPlanId()), image);
                if (after > before) {
                    requireStopped(s);
                    tools.growDisk(s.getDiskVolume(), after);
                }
            }
            case START_AGAIN -> {
                if (s.isResumeRunning() && !domains.state(s.getDomainName()).isActive()) {
                    domains.start(s.getDomainName());
                }
            }
            default -> throw new IllegalArgumentException("not an offline step: " + step);
        }
    }

    /** Whether the operation's change is in place once {@code failed} failed (only finishing touches were left). */
    static boolean changed(Operation.Step failed) {
        return failed == Operation.Step.UPDATE_SEED || failed == Operation.Step.START_AGAIN;
    }

    /**
     * After a failure before the change was committed: the old definition back (a plan change
     * may have redefined the guest) and the guest running again if it was. Returns the status
     * the server is left in.
     */
    ServerStatus restore(Server s, Operation operation, Operation.Step failed) {
        boolean redefined = (operation == Operation.CHANGE_PLAN || operation == Operation.CHANGE_PLAN_LIVE)
                && (failed == Operation.Step.APPLY_PLAN || failed == Operation.Step.GROW_DISK);
        try {
            if (redefined) {
                define(s, s.getPlanId());
            }
            if (failed != Operation.Step.START_AGAIN && s.isResumeRunning() && !domains.state(s.getDomainName()).isActive()) {
                domains.start(s.getDomainName());
            }
            return domains.state(s.getDomainName()).isActive() ? ServerStatus.RUNNING : ServerStatus.STOPPED;
        } catch (RuntimeException e) {
            log.warn("Server {}: could not restore after a failed {}: {}", s.getId(), operation, e.getMessage());
            return ServerStatus.STOPPED;
        }
    }

    /** ACPI shutdown first, so the guest's filesystems are clean; the plug is pulled only after the timeout. */
    private void shutDown(String domain) {
        domains.shutdownOrForce(domain, properties.shutdownTimeout());
    }

    /** A disk in use by a running guest is never changed, whoever started it. */
    private void requireStopped(Server s) {
        if (domains.state(s.getDomainName()).isActive()) {
            throw new ConflictException(UserMessage.of("error.server.server-running-so-its-disk"));
        }
    }

    private void define(Server s, long planId) {
        domains.define(specs.of(s, planId, s.getImageId(), s.getDiskVolume(), s.getSeedVolume()));
    }
}
