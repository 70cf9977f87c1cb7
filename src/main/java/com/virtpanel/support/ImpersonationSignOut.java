package com.virtpanel.support;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Signing out while acting as a customer ends the visit just like "Exit" does (consoles close). */
@Component
class ImpersonationSignOut {

    private final ApplicationEventPublisher events;

    ImpersonationSignOut(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(LogoutSuccessEvent e) {
        ImpersonationFilter.ended(e.getAuthentication()).ifPresent(events::publishEvent);
    }
}
