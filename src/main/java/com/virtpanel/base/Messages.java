package com.virtpanel.base;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The panel's words in every language it speaks: {@code messages.properties} (English, the
 * default) and {@code messages_<language>.properties} beside it. Views, REST problems and
 * service errors all read them here, so one bundle pair is the whole translation.
 * Placeholders are {@code {0}}, {@code {1}}…; they are replaced literally (not with
 * {@link java.text.MessageFormat}, whose quoting would eat the apostrophes of English texts),
 * numbers formatted for the language.
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    /** The languages the panel speaks, the default first. */
    public static final List<Locale> LANGUAGES = List.of(ENGLISH, RUSSIAN);

    private static final String BUNDLE = "messages";
    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The language the panel speaks for a wanted locale: a supported one, else English. */
    public static Locale supported(Locale wanted) {
        if (wanted == null) {
            return ENGLISH;
        }
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst().orElse(ENGLISH);
    }

    /** The supported language for a stored language code ("en", "ru"), or null for none or an unknown one. */
    public static Locale ofCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(code.trim())).findFirst().orElse(null);
    }

    public static boolean has(String key) {
        try {
            bundle(ENGLISH).getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /** The text for {@code key} in {@code locale}'s language, or marked {@code !key!} if no bundle has it. */
    public static String get(Locale locale, String key, Object... args) {
        Locale language = supported(locale);
        String pattern;
        try {
            pattern = bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return fill(pattern, language, args);
    }

    private static ResourceBundle bundle(Locale language) {
        // English is the base bundle itself: asking for messages_en would find nothing and fall back to it anyway
        return ResourceBundle.getBundle(BUNDLE, language.equals(ENGLISH) ? Locale.ROOT : language, NO_SYSTEM_FALLBACK);
    }

    private static String fill(String pattern, Locale language, Object... args) {
        if (args == null || args.length == 0) {
            return pattern;
        }
        String text = pattern;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", show(args[i], language));
        }
        return text;
    }

    private static String show(Object arg, Locale language) {
        if (arg instanceof Translatable nested) {
            return nested.in(language);
        }
        if (arg instanceof Integer || arg instanceof Long || arg instanceof Short) {
            return NumberFormat.getIntegerInstance(language).format(arg);
        }
        if (arg instanceof Number n) {
            return NumberFormat.getNumberInstance(language).format(n);
        }
        return String.valueOf(arg);
    }
}
