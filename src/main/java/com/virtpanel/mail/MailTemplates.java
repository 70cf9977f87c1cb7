package com.virtpanel.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail templates, one pair of files per template and language under {@code classpath:mail/}:
 * {@code NAME.LANG.txt} (first line {@code Subject: …}, a blank line, then the plain-text body)
 * and {@code NAME.LANG.html} (the HTML body; without it, the text's paragraphs). {@code {{param}}} is replaced by the parameter,
 * HTML-escaped in the HTML part. A language without the files falls back to English.
 */
@Component
class MailTemplates {

    static final String FALLBACK_LANGUAGE = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_]+)}}");

    private final Map<String, Optional<String>> files = new ConcurrentHashMap<>();

    record Rendered(String subject, String text, String html) {
    }

    boolean exists(String template) {
        return file(template + "." + FALLBACK_LANGUAGE + ".txt").isPresent();
    }

    Rendered render(String template, String language, Map<String, String> parameters) {
        String lang = language != null && file(template + "." + language + ".txt").isPresent() ? language : FALLBACK_LANGUAGE;
        String text = file(template + "." + lang + ".txt")
                .orElseThrow(() -> new IllegalArgumentException("no mail template " + template));
        String html = file(template + "." + lang + ".html").orElse(null);
        int split = text.indexOf("\n\n");
        if (!text.startsWith("Subject: ") || split < 0) {
            throw new IllegalArgumentException("mail template " + template + "." + lang + ".txt must start with a Subject: line");
        }
        String subject = fill(text.substring("Subject: ".length(), split).trim(), parameters, false);
        String body = fill(text.substring(split + 2), parameters, false);
        return new Rendered(subject, body, html == null ? paragraphs(text.substring(split + 2), parameters) : fill(html, parameters, true));
    }

    /** A template without its own HTML: its text, paragraph by paragraph, escaped, so every mail has both parts. */
    private static String paragraphs(String text, Map<String, String> parameters) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\n\s*\n")) {
            html.append("<p>").append(fill(HtmlUtils.htmlEscape(paragraph.strip()), parameters, true).replace("\n", "<br>\n"))
                    .append("</p>\n");
        }
        return html.toString();
    }

    private static String fill(String template, Map<String, String> parameters, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = parameters.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Optional<String> file(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + n)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
