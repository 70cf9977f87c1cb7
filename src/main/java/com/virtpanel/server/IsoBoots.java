package com.virtpanel.server;

import com.virtpanel.host.DomainSpec;
import com.virtpanel.host.Domains;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The host side of the ISO operations, for {@link OperationRunner}. Booting from an ISO starts
 * the guest once with the CD-ROM first and stores the definition for the boots after it at once
 * (the disk first, or the ISO again when the customer keeps booting from it), so the next start
 * of the virtual machine is from the disk without the panel having to remember to switch back.
 * Both steps are idempotent: repeating one after a crash gives the same definition.
 */
@Component
class IsoBoots {

    private static final Logger log = LoggerFactory.getLogger(IsoBoots.class);

    private final Domains domains;
    private final ServerDomainSpecs specs;
    private final GuestBlueprint blueprint;
    private final ServerTransitions transitions;
    private final ApplicationEventPublisher events;

    IsoBoots(Domains domains, ServerDomainSpecs specs, GuestBlueprint blueprint,
            ServerTransitions transitions, ApplicationEventPublisher events) {
        this.transitions = transitions;
        this.domains = domains;
        this.specs = specs;
        this.blueprint = blueprint;
        this.events = events;
    }

    void perform(Server s, Operation.Step step) {
        DomainSpec spec = specs.current(s);
        switch (step) {
            case BOOT_FROM_ISO -> domains.bootFromIso(spec.withIso(blueprint.media(s.getPendingIsoId(), true)),
                    spec.withIso(blueprint.media(s.getPendingIsoId(), s.isPendingIsoKeep())));
            case EJECT_ISO -> domains.ejectIso(spec.withIso(null));
            default -> throw new IllegalArgumentException("not an ISO step: " + step);
        }
    }

    /** In the runner's transaction, when the operation's last step is done. */
    void finish(Server s, Operation operation) {
        long id = s.getId();
        if (operation == Operation.BOOT_ISO) {
            transitions.finish(s, ServerStatus.RUNNING);
            events.publishEvent(new ServerEvents.IsoBooted(id, s.getAccountId(), s.getIsoId()));
        } else {
            ServerStatus now = domains.state(s.getDomainName()).isActive() ? ServerStatus.RUNNING : ServerStatus.STOPPED;
            transitions.finish(s, now);
            events.publishEvent(new ServerEvents.IsoEjected(id, s.getAccountId()));
        }
    }

    /**
     * After a failure: the definition as the server's attached ISO (if any) says, so a failed
     * boot leaves no half-made order behind; the status is what the guest does now.
     */
    ServerStatus restore(Server s) {
        try {
            domains.define(specs.current(s));
            return domains.state(s.getDomainName()).isActive() ? ServerStatus.RUNNING : ServerStatus.STOPPED;
        } catch (RuntimeException e) {
            log.warn("Server {}: could not restore its definition after a failed ISO operation: {}", s.getId(), e.getMessage());
            return ServerStatus.STOPPED;
        }
    }
}
