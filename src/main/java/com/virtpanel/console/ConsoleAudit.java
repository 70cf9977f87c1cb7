package com.virtpanel.console;

import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes console events from the relay's threads, which have no transaction of their own:
 * wrapping them in one means both plain and transactional (after-commit) listeners hear them.
 */
@Component
class ConsoleAudit {

    private final ApplicationEventPublisher events;

    ConsoleAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void opened(LiveConsole c) {
        ConsoleGrant g = c.grant;
        events.publishEvent(new ConsoleEvents.Opened(c.id, g.serverId(), g.ownerAccountId(), g.accountId(), g.email(),
                g.realAccountId(), g.realEmail(), g.remoteAddress(), c.openedAt));
    }

    @Transactional
    public void closed(LiveConsole c, Instant closedAt) {
        ConsoleGrant g = c.grant;
        CloseReason why = c.reason() == null ? CloseReason.ERROR : c.reason();
        events.publishEvent(new ConsoleEvents.Closed(c.id, g.serverId(), g.ownerAccountId(), g.accountId(), g.email(),
                g.realAccountId(), g.realEmail(), g.remoteAddress(), c.openedAt, closedAt,
                Duration.between(c.openedAt, closedAt), why.text));
    }
}
