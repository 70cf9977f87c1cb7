package com.virtpanel.base.security;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The origins WebAuthn accepts. Spring's relying party reads this set at every ceremony, so when
 * none are configured the panel's own http://localhost:PORT can be added once the port is known
 * (tests run on a random port).
 */
@Component
class PasskeyOrigins {

    private final Set<String> origins = new CopyOnWriteArraySet<>();
    private final boolean configured;

    PasskeyOrigins(PasskeyProperties properties) {
        origins.addAll(properties.origins());
        configured = !origins.isEmpty();
    }

    Set<String> live() {
        return origins;
    }

    @EventListener
    void on(WebServerInitializedEvent e) {
        if (!configured && e.getApplicationContext().getServerNamespace() == null) {
            origins.add("http://localhost:" + e.getWebServer().getPort());
        }
    }
}
