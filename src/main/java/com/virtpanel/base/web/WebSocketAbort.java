package com.virtpanel.base.web;

import java.io.IOException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Drops a WebSocket at once, without the closing handshake. For a peer that stopped reading: a
 * close frame would queue behind the data it does not take, and a send waiting for it would
 * wait on (Jetty closes no WebSocket for being quiet, see {@link JettyWebSockets}). Dropping
 * the connection fails that send.
 */
public final class WebSocketAbort {

    private WebSocketAbort() {
    }

    public static void abort(WebSocketSession ws, CloseStatus otherwise) {
        if (ws instanceof NativeWebSocketSession n && n.getNativeSession() instanceof org.eclipse.jetty.websocket.api.Session jetty) {
            jetty.disconnect();
            return;
        }
        try {
            ws.close(otherwise);
        } catch (IOException | RuntimeException alreadyClosing) {
            // nothing more to do
        }
    }
}
