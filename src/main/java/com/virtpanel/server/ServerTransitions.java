package com.virtpanel.server;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Status changes, always announced, so the UI (push) and the audit log hear of each one. */
@Component
class ServerTransitions {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServerTransitions(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void status(Server server, ServerStatus status) {
        ServerStatus before = server.getStatus();
        server.status(status, clock.instant());
        if (before != status) {
            announce(server);
        }
    }

    void finish(Server server, ServerStatus status) {
        server.finish(status, clock.instant());
        announce(server);
    }

    void announce(Server server) {
        events.publishEvent(new ServerEvents.StatusChanged(server.getId(), server.getAccountId(), server.getStatus()));
    }
}
