package com.virtpanel.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No view speaks English on its own: every user-facing text comes from the bundles through
 * {@link Texts} (or {@code getTranslation}). How it finds an English literal, reading the source
 * of every class in a {@code ui} package:
 * <ol>
 * <li>It reads the string literals (comments, char literals and text blocks aside), each with the
 *     code before it on its line.</li>
 * <li>A literal is text for people when it has a word: two Latin letters in a row, and either a
 *     space or a capital letter ({@code "Order a server"}, {@code "Plans"}, {@code "this session"}).
 *     Keys, ids, routes and CSS names ({@code "server.order.step.plan"}, {@code "order-server"})
 *     have neither.</li>
 * <li>Not text for people after all: markup and scripts (an angle bracket, a template
 *     placeholder, an arrow, a semicolon, a leading "return"), single lower-case identifiers
 *     ({@code "minDiskGib"}), CSS and theme lists made only of theme words
 *     ({@code "badge success"}), literals on a line that names them as technical
 *     ({@code setId}, {@code addClassName}, {@code getStyle()}, {@code setAttribute} other than
 *     title/aria-label/placeholder/alt, the theme list, logging, {@code executeJs},
 *     {@code navigate}, {@code equals}, exceptions for programmers), annotations other than
 *     {@code @PageTitle}, and the few product names in {@link #NAMES}.</li>
 * </ol>
 * A finding is listed as {@code file:line "literal"}: move the text into
 * {@code messages.properties} and {@code messages_ru.properties} and call {@code Texts.get(key)}.
 */
class ViewLiteralsTest {

    static final Path SOURCES = Path.of("src/main/java/com/virtpanel");
    static final Pattern WORDY = Pattern.compile("[A-Za-z]{2}");
    static final Pattern CAPITALISED = Pattern.compile("[A-Z][a-z]");
    static final Pattern MARKUP = Pattern.compile("<|\\$\\{|=>|;|\\\\d|\\[\\^|^return |window\\.");
    /** One word starting lower case: a property, a field name, an event path ({@code "minDiskGib"}, {@code "event.detail.x"}). */
    static final Pattern IDENTIFIER = Pattern.compile("[a-z][A-Za-z0-9._]*");
    static final Pattern TECHNICAL_CONTEXT = Pattern.compile("setId\\(|addClassNames?\\(|removeClassName\\(|getStyle\\(\\)"
            + "|setAttribute\\(\"(?!title|aria-label|placeholder|alt)|getThemeList\\(\\)|addThemeName\\(|\\blog\\.\\w+\\(|executeJs\\(|callJsFunction\\(|navigate\\("
            + "|equals\\(|new (IllegalStateException|IllegalArgumentException|UncheckedIOException|AssertionError)\\(|\\bcase \"|@Route|@JsModule"
            + "|@CssImport|@NpmPackage|@RolesAllowed|@AnonymousAllowed|@Tag\\(|@Uses|@Theme");
    static final Set<String> THEME_WORDS = Set.of("badge", "success", "error", "contrast", "primary", "tertiary", "small", "pill",
            "inline", "warning");
    /** Product names, the same in every language. */
    static final Set<String> NAMES = Set.of("Virtpanel", "IPv4", "IPv6", "SSH", "API", "OK", "UTC", "BIOS", "UEFI");

    @Test
    void noViewHasAnEnglishLiteralOutsideTheBundles() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/ui/")).sorted().toList()) {
                for (Literal literal : literals(Files.readString(file))) {
                    if (isEnglishText(literal)) {
                        findings.add(file + ":" + literal.line() + " \"" + literal.text() + "\"");
                    }
                }
            }
        }
        assertThat(findings).as("English literals in views (move them to messages*.properties and use Texts.get)").isEmpty();
    }

    @Test
    void theScannerFindsTextForPeopleAndLeavesKeysIdsAndStylesAlone() {
        String source = """
                class Example {
                    // new Span("In a comment")
                    void build() {
                        add(new H2("My servers"), new Button(Texts.get("server.order")));
                        grid.addColumn(x -> x).setHeader("Plan");
                        field.setPlaceholder("e.g. web-1");
                        button.setId("order-server");
                        badge.getElement().getThemeList().add("badge success");
                        log.info("Order placed for {}", who);
                        var theme = "badge contrast";
                        getStyle().set("flex", "1 1 auto");
                        banner.getElement().setAttribute("title", "You act as " + who);
                        binder.forField(memory).bind("memoryMib");
                    }
                }
                """;
        List<String> found = literals(source).stream().filter(ViewLiteralsTest::isEnglishText).map(Literal::text).toList();
        assertThat(found).containsExactly("My servers", "Plan", "e.g. web-1", "You act as ");
    }

    static boolean isEnglishText(Literal literal) {
        String text = literal.text();
        String before = literal.before().strip();
        if (before.startsWith("@")) {
            return before.startsWith("@PageTitle") && WORDY.matcher(text).find();
        }
        if (!WORDY.matcher(text).find() || !(text.contains(" ") || CAPITALISED.matcher(text).find())) {
            return false;
        }
        if (IDENTIFIER.matcher(text).matches() || MARKUP.matcher(text).find() || NAMES.contains(text) || TECHNICAL_CONTEXT.matcher(before).find()) {
            return false;
        }
        return !java.util.Arrays.stream(text.split(" ")).allMatch(THEME_WORDS::contains);
    }

    record Literal(int line, String text, String before) {
    }

    /** The string literals of a Java source, with the code before each on its line; comments and text blocks skipped. */
    static List<Literal> literals(String source) {
        List<Literal> found = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i) || source.startsWith("\"\"\"", i)) {
                String end = source.startsWith("/*", i) ? "*/" : "\"\"\"";
                int close = source.indexOf(end, i + 2 + (end.length() - 2));
                int stop = close < 0 ? source.length() : close + end.length();
                for (int j = i; j < stop; j++) {
                    if (source.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                i = stop;
            } else if (c == '\'') {
                i = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) + 1 : i + 3;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder text = new StringBuilder();
                while (j < source.length() && source.charAt(j) != '"') {
                    if (source.charAt(j) == '\\') {
                        text.append(source.charAt(j + 1) == '"' ? '"' : source.charAt(j)).append(source.charAt(j + 1) == '"' ? "" : source.charAt(j + 1));
                        j += 2;
                    } else {
                        text.append(source.charAt(j++));
                    }
                }
                found.add(new Literal(line, text.toString(), source.substring(lineStart, i)));
                i = j + 1;
            } else {
                i++;
            }
        }
        return found;
    }
}
