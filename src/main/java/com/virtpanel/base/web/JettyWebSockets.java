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
 * <li>A console's message from the browser may be up to 1 MiB (Jetty: 64 KiB), since Spring
 * hands it over whole: noVNC sends a pasted clipboard as one message.</li>
 * </ul>
 */
@Component
class JettyWebSockets implements ServletContextAware {

    static final long LARGEST_CONSOLE_MESSAGE = 1 << 20;

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
    }
}
