package com.virtpanel.mail;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute links into the panel for mails: panel.mail.link-base-url, or this server on localhost. */
@Component
public class PanelLinks {

    private final MailProperties properties;
    private final Environment environment;

    PanelLinks(MailProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** {@code path} starts with a slash, e.g. {@code /reset-password?token=…}. */
    public String to(String path) {
        String base = properties.linkBaseUrl();
        if (base == null || base.isBlank()) {
            // the port the server really listens on (random in tests), known once it has started
            base = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        }
        return base.replaceAll("/+$", "") + path;
    }
}
