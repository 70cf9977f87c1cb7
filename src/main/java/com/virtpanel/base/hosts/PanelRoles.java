package com.virtpanel.base.hosts;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.roles: what this instance does. {@code web}: UI, API, console and the global jobs;
 * {@code host}: runs the work of its host (panel.host.name) from the host scheduler. The default
 * is both, one machine being the zero-configuration case.
 */
@ConfigurationProperties("panel")
public record PanelRoles(@DefaultValue({"web", "host"}) Set<String> roles) {

    public PanelRoles {
        roles = roles.stream().map(r -> r.trim().toLowerCase(java.util.Locale.ROOT)).filter(r -> !r.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (String role : roles) {
            if (!role.equals("web") && !role.equals("host")) {
                throw new IllegalArgumentException("panel.roles: unknown role '" + role + "' (web, host)");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("panel.roles: at least one of web, host");
        }
    }

    /** This instance drives its host: its scheduler runs here. */
    public boolean host() {
        return roles.contains("host");
    }
}
