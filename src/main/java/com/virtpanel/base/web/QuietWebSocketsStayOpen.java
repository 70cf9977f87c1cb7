package com.virtpanel.base.web;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.time.Duration;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.ServletContextAware;

/**
 * WebSockets stay open while nothing is sent. Jetty closes them after 30 idle seconds, and a
 * console of a still screen, or a page's push channel between updates, is quiet for longer. A
 * browser that vanished is noticed when a send to it fails. Both of Jetty's WebSocket APIs:
 * Spring's handlers (the console) use Jetty's own, Vaadin's push the Jakarta one.
 */
@Component
class QuietWebSocketsStayOpen implements ServletContextAware {

    @Override
    public void setServletContext(ServletContext context) {
        JettyWebSocketServerContainer jetty = JettyWebSocketServerContainer.getContainer(context);
        if (jetty == null || !(context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer jakarta)) {
            throw new IllegalStateException("Jetty's WebSocket containers are not set up");
        }
        jetty.setIdleTimeout(Duration.ZERO);
        jakarta.setDefaultMaxSessionIdleTimeout(0);
    }
}
