package com.virtpanel.base.security;

/**
 * The Content-Security-Policy of the UI. Vaadin Flow's bootstrap and its web components need
 * inline scripts and styles and {@code eval} (also in production mode), so those stay allowed;
 * what the policy still buys is that nothing loads from, posts to or frames in from another
 * origin. The console's noVNC speaks over a WebSocket to this origin (ws: or wss:).
 */
final class ContentSecurity {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private ContentSecurity() {
    }
}
