package com.virtpanel.support;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/**
 * A visit also ends when its HTTP session does: on sign-out (which invalidates the session) and
 * when the session times out. Either way the staff member is gone, so consoles must close.
 */
@Component
class ImpersonationSessionEnd {

    private final ApplicationEventPublisher events;

    ImpersonationSessionEnd(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(HttpSessionDestroyedEvent e) {
        for (SecurityContext context : e.getSecurityContexts()) {
            ImpersonationFilter.ended(context.getAuthentication()).ifPresent(events::publishEvent);
        }
    }
}
