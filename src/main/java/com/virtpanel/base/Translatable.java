package com.virtpanel.base;

import java.util.Locale;

/**
 * A text that knows its own words in every language: a {@link UserMessage}, or a library's
 * own translation (the password estimator's warnings). As an argument of a message it is
 * shown in the reader's language.
 */
@FunctionalInterface
public interface Translatable {

    String in(Locale locale);
}
