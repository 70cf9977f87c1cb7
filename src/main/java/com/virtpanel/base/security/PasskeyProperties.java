package com.virtpanel.base.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code panel.security.passkeys.rp-id}: the host name passkeys are bound to (the panel's public
 * host, e.g. panel.example.com; default localhost). {@code panel.security.passkeys.origins}: the
 * exact origins browsers use (e.g. https://panel.example.com); when empty, http://localhost on the
 * panel's own port, which is right for a panel tried out on one machine and for tests.
 */
@ConfigurationProperties("panel.security.passkeys")
public record PasskeyProperties(String rpId, List<String> origins) {

    public PasskeyProperties {
        rpId = rpId == null || rpId.isBlank() ? "localhost" : rpId.trim();
        origins = origins == null ? List.of() : List.copyOf(origins);
    }
}
