package com.virtpanel.base.web;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.time.Duration;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.ServletContextAware;

/**
 * Jetty's WebSocket defaults, where the panel needs others. Jetty has two WebSocket APIs: Spring's
 * handlers (the console) use Jetty's own, Vaadin's push the Jakarta one.
 * <ul>
 * <li>WebSockets stay open while nothing is sent. Jetty closes them after 30 idle seconds, and a
 * console of a still screen, or a page's push channel between updates, is quiet for longer. A
 * browser that vanished is noticed when a send to it fails.</li>
 * <li>A push message waits at most {@value #PUSH_SEND_TIMEOUT_MS} ms for a browser that stopped
 * reading, then fails (Tomcat's limit; Jetty's is none). Vaadin may send it on a thread that
 * runs other sessions' updates too. The console's sends are bounded by its own check instead
 * (Jetty's own API has no such limit).</li>
 * <li>A console's message from the browser may be up to 1 MiB (Jetty: 64 KiB), since Spring
 * hands it over whole: noVNC sends a pasted clipboard as one message.</li>
 * </ul>
 */
@Component
class JettyWebSockets implements ServletContextAware {

    static final long LARGEST_CONSOLE_MESSAGE = 1 << 20;
    static final long PUSH_SEND_TIMEOUT_MS = 20_000;

    @Override
    public void setServletContext(ServletContext context) {
        JettyWebSocketServerContainer jetty = JettyWebSocketServerContainer.getContainer(context);
        if (jetty == null || !(context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer jakarta)) {
            throw new IllegalStateException("Jetty's WebSocket containers are not set up");
        }
        jetty.setIdleTimeout(Duration.ZERO);
        jetty.setMaxBinaryMessageSize(LARGEST_CONSOLE_MESSAGE);
        jetty.setMaxFrameSize(LARGEST_CONSOLE_MESSAGE); // browsers send a message as one frame
        jakarta.setDefaultMaxSessionIdleTimeout(0);
        jakarta.setAsyncSendTimeout(PUSH_SEND_TIMEOUT_MS);
    }
}
