package com.virtpanel.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles are one translation: Russian has exactly the English keys, with the same
 * placeholders, and every key the code names (in {@code Texts.get}, {@code UserMessage.of},
 * {@code Messages.get}, {@code @Menu} titles and the order wizard's steps) is in them. Keys the
 * code builds ({@code "server.status." + status}) must at least have their prefix in the bundles.
 */
class MessageBundlesTest {

    static final Path SOURCES = Path.of("src/main/java/com/virtpanel");
    /** A key literal where the code names one: first argument of the text calls, a {@code @Menu} title. */
    static final Pattern NAMED_KEY = Pattern.compile(
            "(?:Texts\\.get|UserMessage\\.of|Messages\\.get\\([^,()]+,|getTranslation|@Menu\\(title =)\\s*\\(?\\s*\"([a-z0-9][a-z0-9.-]*)\"(\\s*\\+)?");
    static final Pattern ORDER_STEP = Pattern.compile("\"(server\\.order\\.step\\.[a-z-]+)\"");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void russianHasExactlyTheEnglishKeys() throws IOException {
        Properties english = bundle("messages.properties");
        Properties russian = bundle("messages_ru.properties");
        assertThat(new TreeSet<>(russian.stringPropertyNames())).as("keys of messages_ru.properties")
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() throws IOException {
        Properties english = bundle("messages.properties");
        Properties russian = bundle("messages_ru.properties");
        List<String> differing = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (!placeholders(english.getProperty(key)).equals(placeholders(russian.getProperty(key, "")))) {
                differing.add(key);
            }
        }
        assertThat(differing).as("keys whose placeholders differ between en and ru").isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        Properties english = bundle("messages.properties");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    checkLine(english, file, i + 1, lines.get(i), missing);
                }
            }
        }
        assertThat(missing).as("keys used in code but missing in messages.properties").isEmpty();
    }

    private static void checkLine(Properties english, Path file, int line, String text, List<String> missing) {
        Matcher named = NAMED_KEY.matcher(text);
        while (named.find()) {
            String key = named.group(1);
            boolean built = named.group(2) != null;
            boolean present = built
                    ? english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                    : english.containsKey(key);
            if (!present) {
                missing.add(file + ":" + line + " " + key + (built ? "…" : ""));
            }
        }
        Matcher step = ORDER_STEP.matcher(text);
        while (step.find()) {
            if (!english.containsKey(step.group(1))) {
                missing.add(file + ":" + line + " " + step.group(1));
            }
        }
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
