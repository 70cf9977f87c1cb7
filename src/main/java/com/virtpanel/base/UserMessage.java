package com.virtpanel.base;

import java.util.Arrays;
import java.util.Locale;

/**
 * A message for a person, by its key in the {@link Messages} bundles and its arguments, so a
 * service can refuse something once and the page and the REST API each say it in their
 * reader's language.
 */
public record UserMessage(String key, Object... args) implements Translatable {

    private static final String LITERAL = "";

    public static UserMessage of(String key, Object... args) {
        return new UserMessage(key, args);
    }

    /** A text nobody translated yet (an old English message): shown as it is in every language. */
    public static UserMessage literal(String text) {
        return new UserMessage(LITERAL, text);
    }

    @Override
    public String in(Locale locale) {
        return LITERAL.equals(key) ? String.valueOf(args[0]) : Messages.get(locale, key, args);
    }

    /** The English text, for logs and for {@link Throwable#getMessage()}. */
    public String english() {
        return in(Messages.ENGLISH);
    }

    /** Equal by key and arguments' contents (a record compares its array by identity): pages compare what they show. */
    @Override
    public boolean equals(Object other) {
        return other instanceof UserMessage m && key.equals(m.key) && Arrays.equals(args, m.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    /** The English text: what a log line or a failed assertion should show. */
    @Override
    public String toString() {
        return english();
    }
}
