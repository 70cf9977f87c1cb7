package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** RFC 1123 host names: labels of letters, digits and inner dashes, 63 characters at most. */
final class Hostnames {

    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    private Hostnames() {
    }

    static String normalise(String raw) {
        String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            throw new InvalidInputException("name", UserMessage.of("error.server.choose-hostname-server-example-web"));
        }
        if (name.length() > 63) {
            throw new InvalidInputException("name", UserMessage.of("error.server.hostname-can-have-at-most"));
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new InvalidInputException("name", UserMessage.of("error.server.hostname-cannot-have-two-dots"));
            }
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException("name",
                        UserMessage.of("error.server.use-only-letters-digits-dashes"));
            }
        }
        if (name.matches("^[0-9.]+$")) {
            throw new InvalidInputException("name", UserMessage.of("error.server.hostname-cannot-only-digits"));
        }
        return name;
    }
}
