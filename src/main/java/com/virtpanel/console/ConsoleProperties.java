package com.virtpanel.console;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code panel.console.*}.
 *
 * @param ticketTtl      how long a ticket may wait for its WebSocket; capped at 60 s whatever is configured
 * @param allowedOrigins origins (scheme://host[:port]) allowed to open a console besides the panel's own
 *                       address as the request sees it; set this behind a proxy that rewrites the host
 * @param bufferBytes    size of the read buffer from the VNC server, i.e. the largest WebSocket frame sent
 * @param recheckInterval how often open consoles are checked against the database, so that a change
 *                       made on another panel instance (server stopped, account suspended) also ends them
 */
@ConfigurationProperties("panel.console")
record ConsoleProperties(@DefaultValue("60s") Duration ticketTtl, @DefaultValue List<String> allowedOrigins,
        @DefaultValue("65536") int bufferBytes, @DefaultValue("15s") Duration recheckInterval) {

    static final Duration MAX_TTL = Duration.ofSeconds(60);

    ConsoleProperties {
        if (ticketTtl == null || ticketTtl.isNegative() || ticketTtl.isZero() || ticketTtl.compareTo(MAX_TTL) > 0) {
            ticketTtl = MAX_TTL;
        }
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        bufferBytes = Math.max(4096, Math.min(bufferBytes, 1 << 20));
        if (recheckInterval == null || recheckInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            recheckInterval = Duration.ofSeconds(15);
        }
    }
}
