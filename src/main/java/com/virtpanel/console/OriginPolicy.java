package com.virtpanel.console;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * Which pages may open a console WebSocket: the panel's own (the Origin matches the address
 * the request came to) and any configured in {@code panel.console.allowed-origins}. Browsers
 * always send Origin on a WebSocket upgrade, so its absence means a non-browser client.
 */
@Component
class OriginPolicy {

    /** Normalised once here rather than on every handshake. */
    private final Set<String> allowed;

    OriginPolicy(ConsoleProperties properties) {
        this.allowed = properties.allowedOrigins().stream().map(OriginPolicy::strip).collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        if (allowed.contains(strip(origin))) {
            return true;
        }
        return WebUtils.isSameOrigin(request);
    }

    private static String strip(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
