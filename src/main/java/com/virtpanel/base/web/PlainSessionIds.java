package com.virtpanel.base.web;

import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A session's id is the same in its cookie as in {@code HttpSession.getId()}. Jetty by default
 * prefixes ids with a worker name and appends it again to the cookie ({@code node0abc.node0});
 * console tickets, the session list and sign-out everywhere compare the id a request presents
 * with the one its session has.
 */
@Component
class PlainSessionIds implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> {
            DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
            ids.setWorkerName("");
            server.addBean(ids, true);
        });
    }
}
