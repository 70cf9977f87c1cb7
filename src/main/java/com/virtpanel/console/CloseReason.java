package com.virtpanel.console;

import org.springframework.web.socket.CloseStatus;

/**
 * Why a console ended. The WebSocket close code tells the browser what to show (codes
 * 4000-4999 are the application's own by RFC 6455).
 */
enum CloseReason {
    CLIENT_CLOSED(1000, "closed"),
    SERVER_STOPPED(4001, "server stopped"),
    SERVER_GONE(4002, "server deleted or reinstalled"),
    ACCESS_ENDED(4003, "access ended"),
    PANEL_STOPPING(1001, "panel restarting"),
    ERROR(1011, "console error");

    final int code;
    final String text;

    CloseReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    CloseStatus status() {
        return new CloseStatus(code, text);
    }
}
