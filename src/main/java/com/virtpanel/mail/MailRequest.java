package com.virtpanel.mail;

import java.util.Map;

/**
 * One message to enqueue: to whom, which template, in which language ("en", "ru"; unknown
 * languages fall back to English), and the template's parameters (plain strings; escaped for HTML).
 */
public record MailRequest(String recipient, String template, String language, Map<String, String> parameters) {

    public MailRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
