package com.virtpanel.network;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a PTR may point to: a fully qualified host name (RFC 1123 labels of letters, digits and
 * inner dashes, at least two labels, 253 characters at most, a top-level label that is not all
 * digits), written lower case without the trailing dot.
 */
final class PtrNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private PtrNames() {
    }

    static String normalise(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            throw invalid("error.dns.ptr-required");
        }
        if (name.length() > 253) {
            throw invalid("error.dns.ptr-too-long");
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid("error.dns.ptr-invalid");
            }
        }
        if (labels.length < 2 || labels[labels.length - 1].matches("[0-9]+")) {
            throw invalid("error.dns.ptr-not-qualified");
        }
        return name;
    }

    private static InvalidInputException invalid(String key) {
        return new InvalidInputException("ptr", UserMessage.of(key));
    }
}
