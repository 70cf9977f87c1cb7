package com.virtpanel.server;

import com.virtpanel.host.Domains;
import com.virtpanel.host.Volumes;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rescue steps of {@link OperationRunner}: seed, rescue definition, start, and the seed's
 * removal when leaving. Each is idempotent. The server's disk is never written by the panel here.
 */
@Component
class RescueSteps {

    private static final Logger log = LoggerFactory.getLogger(RescueSteps.class);

    private final Domains domains;
    private final Volumes volumes;
    private final ServerDomainSpecs specs;
    private final GuestBlueprint blueprint;
    private final RescueProperties properties;

    RescueSteps(Domains domains, Volumes volumes, ServerDomainSpecs specs, GuestBlueprint blueprint, RescueProperties properties) {
        this.domains = domains;
        this.volumes = volumes;
        this.specs = specs;
        this.blueprint = blueprint;
        this.properties = properties;
    }

    Duration timeout() {
        return properties.timeout();
    }

    void perform(Server s, Operation.Step step) {
        switch (step) {
            case WRITE_RESCUE_SEED -> volumes.writeRescueSeed(s.rescueSeedVolume(), blueprint.rescueSeed(s, s.getPendingPasswordHash()));
            case DEFINE_RESCUE -> domains.defineRescue(specs.current(s), s.rescueSeedVolume());
            case START_RESCUE -> {
                if (!domains.state(s.getDomainName()).isActive()) {
                    domains.start(s.getDomainName());
                }
            }
            case DELETE_RESCUE_SEED -> {
                if (volumes.exists(s.rescueSeedVolume())) {
                    volumes.delete(s.rescueSeedVolume());
                }
            }
            default -> throw new IllegalArgumentException("not a rescue step: " + step);
        }
    }

    /**
     * After a failed rescue boot or leave: the normal definition back, the seed gone, and the
     * server running again if it was (leaving rescue: unless its owner is suspended). Returns the status it is left in.
     */
    ServerStatus restore(Server s) {
        try {
            if (domains.state(s.getDomainName()).isActive()
                    && domains.liveXml(s.getDomainName()).map(xml -> xml.contains(s.rescueSeedVolume())).orElse(false)) {
                domains.powerOff(s.getDomainName()); // the rescue system runs: it must not pass for the server's own
            }
            domains.define(specs.current(s));
            if (volumes.exists(s.rescueSeedVolume())) {
                volumes.delete(s.rescueSeedVolume());
            }
            boolean start = s.isResumeRunning();
            if (start && !domains.state(s.getDomainName()).isActive()) {
                domains.start(s.getDomainName());
            }
            return domains.state(s.getDomainName()).isActive() ? ServerStatus.RUNNING : ServerStatus.STOPPED;
        } catch (RuntimeException e) {
            log.warn("Server {}: could not restore after a failed {}: {}", s.getId(), s.getOperation(), e.getMessage());
            return ServerStatus.FAILED;
        }
    }
}
