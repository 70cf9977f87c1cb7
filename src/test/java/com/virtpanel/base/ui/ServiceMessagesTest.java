package com.virtpanel.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No service refuses in English only: what a page or the REST API shows a person comes from the
 * bundles through {@code UserMessage.of(key, args)}. {@link ViewLiteralsTest} covers the views;
 * this covers the rest of the main code. How it finds an English refusal:
 * <ol>
 * <li>It reads the arguments of every {@code new …Exception(…)} (also {@code …Error},
 *     {@code …Failure}) and of every {@code UserMessage.literal(…)}, across lines.</li>
 * <li>A string literal among them is text for people by the rule of {@link ViewLiteralsTest}: two
 *     Latin letters and a space or a capital. Field names ({@code "ssh_keys"}) are neither.</li>
 * <li>Not a finding: the field name an {@code InvalidInputException} starts with, and the exception types in {@link #INTERNAL}, whose text reaches logs only.</li>
 * </ol>
 * A finding is listed as {@code file:line "literal"}: add a key to {@code messages.properties} and
 * {@code messages_ru.properties} and throw with {@code UserMessage.of(key, args)}.
 */
class ServiceMessagesTest {

    static final Path SOURCES = Path.of("src/main/java/com/virtpanel");
    static final Pattern CALL = Pattern.compile("new (?:[\\w.]+\\.)?(\\w*(?:Exception|Error|Failure))\\(|UserMessage\\.(literal)\\(");
    static final Pattern WORDY = Pattern.compile("[A-Za-z]{2}");
    static final Pattern CAPITALISED = Pattern.compile("[A-Z][a-z]");

    /**
     * Exceptions nobody but an operator reads: the pages and the API answer anything that is not a
     * PanelException with a generic message and a reference, and log the text.
     */
    static final Map<String, String> INTERNAL = Map.ofEntries(
            Map.entry("IllegalArgumentException", "a programming error, logged"),
            Map.entry("IllegalStateException", "a programming error, logged"),
            Map.entry("UnsupportedOperationException", "a programming error, logged"),
            Map.entry("AssertionError", "a programming error, logged"),
            Map.entry("IOException", "wrapped or logged where it is caught"),
            Map.entry("UncheckedIOException", "wrapped or logged where it is caught"),
            Map.entry("SocketTimeoutException", "a console's VNC connect timing out, logged where it is caught"),
            Map.entry("SQLException", "the audit table's append-only trigger, inside the database"),
            Map.entry("GuestfishFailure", "libguestfs' own words, kept as the HostException's detail for operators"),
            Map.entry("BadCredentialsException", "Spring Security's event for the audit log; the page says its own words"),
            Map.entry("UsernameNotFoundException", "Spring Security internal; sign-in failures show the bundle's text"),
            Map.entry("AccessDeniedException", "a guard against programming errors (routes and the API are guarded), answered generically"));

    @Test
    void noServiceRefusesInEnglishOutsideTheBundles() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String finding : findings(Files.readString(file))) {
                    findings.add(file + ":" + finding);
                }
            }
        }
        assertThat(findings).as("English messages for people outside the bundles (use UserMessage.of with a key)").isEmpty();
    }

    @Test
    void theScannerFindsRefusalsInEnglishAndLeavesFieldNamesKeysAndInternalErrorsAlone() {
        String source = """
                class Example {
                    void check() {
                        throw new InvalidInputException("ssh_keys", UserMessage.of("error.server.add-at-least-one-ssh"));
                        throw new ConflictException("The server " + name
                                + " is busy.");
                        throw new InvalidInputException("name", "Choose a name.");
                        throw new IllegalStateException("no such state");
                        throw new com.virtpanel.base.ForbiddenException("Support cannot do this.");
                        return UserMessage.literal("Not translated");
                        throw new HostException(Kind.FAILED, UserMessage.of("error.host.busy"), "pool busy: " + pool, null);
                    }
                }
                """;
        assertThat(findings(source)).containsExactly("4 \"The server \"", "5 \" is busy.\"", "6 \"Choose a name.\"",
                "8 \"Support cannot do this.\"", "9 \"Not translated\"");
    }

    /** Each English literal in the arguments of a refusal, as {@code line "literal"}. */
    static List<String> findings(String source) {
        List<String> found = new ArrayList<>();
        String code = withoutComments(source);
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            String type = call.group(1) != null ? call.group(1) : call.group(2);
            if (INTERNAL.containsKey(type)) {
                continue;
            }
            int close = closingParenthesis(code, call.end());
            String arguments = code.substring(call.end(), close);
            if ("InvalidInputException".equals(type)) {
                // the first argument names the field at fault ("ssh_keys", "Idempotency-Key"): not a message
                arguments = arguments.replaceFirst("^\\s*\"[^\"]*\"\\s*,", "");
            }
            int firstLine = lineOf(code, call.end());
            for (ViewLiteralsTest.Literal literal : ViewLiteralsTest.literals(arguments)) {
                if (isEnglishText(literal.text()) && !isDetailForOperators(arguments, literal)) {
                    found.add((firstLine + literal.line() - 1) + " \"" + literal.text() + "\"");
                }
            }
        }
        return found;
    }

    static boolean isEnglishText(String text) {
        return WORDY.matcher(text).find() && (text.contains(" ") || CAPITALISED.matcher(text).find())
                && !text.matches("[a-z][A-Za-z0-9._]*");
    }

    /**
     * A HostException's third argument is libvirt's or the tool's detail for operators (kept
     * apart from the customer's message by the constructor), so its literals are not for customers.
     */
    private static boolean isDetailForOperators(String arguments, ViewLiteralsTest.Literal literal) {
        if (!arguments.contains("UserMessage.of(")) {
            return false;
        }
        int message = arguments.indexOf("UserMessage.of(");
        int afterMessage = closingParenthesis(arguments, message + "UserMessage.of(".length());
        int at = nthLiteralOffset(arguments, literal);
        return at > afterMessage;
    }

    private static int nthLiteralOffset(String arguments, ViewLiteralsTest.Literal literal) {
        String[] lines = arguments.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < literal.line() - 1; i++) {
            offset += lines[i].length() + 1;
        }
        return offset + literal.before().length();
    }

    private static int closingParenthesis(String code, int from) {
        int depth = 1;
        int i = from;
        while (i < code.length() && depth > 0) {
            char c = code.charAt(i);
            if (c == '"') {
                i++;
                while (i < code.length() && code.charAt(i) != '"') {
                    i += code.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '\'') {
                i += code.charAt(i + 1) == '\\' ? 3 : 2;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return Math.max(from, i - 1);
    }

    private static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Comments blanked out (newlines kept, so line numbers stay); string contents left as they are. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? source.length() : end + 3;
                out.append(source, i, stop);
                i = stop;
            } else if (c == '"') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != '"') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(source, i, Math.min(source.length(), j + 1));
                i = j + 1;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                int stop = end < 0 ? source.length() : end + 2;
                for (int j = i; j < stop; j++) {
                    out.append(source.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = stop;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
