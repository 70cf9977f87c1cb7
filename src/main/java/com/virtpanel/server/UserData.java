package com.virtpanel.server;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.host.CloudInitSeed;
import java.nio.charset.StandardCharsets;

/**
 * The customer's own cloud-init user data, given on order or reinstall: a "#cloud-config"
 * document or a "#!" script, as text. The guest's seed carries it after the panel's own
 * settings (hostname, keys, network), so it can add to them but the order still works without it.
 */
final class UserData {

    static final int MAX_BYTES = 32 * 1024;
    static final String FIELD = "user_data";

    private UserData() {
    }

    /** The user data as it goes into the seed (line ends made "\n"), or null when none was given. */
    static String checked(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.replace("\r\n", "\n");
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(FIELD, UserMessage.of("error.server.user-data-too-large"));
        }
        if (!isText(text)) {
            throw new InvalidInputException(FIELD, UserMessage.of("error.server.user-data-binary"));
        }
        if (!text.startsWith("#cloud-config") && !text.startsWith("#!")) {
            throw new InvalidInputException(FIELD, UserMessage.of("error.server.user-data-format"));
        }
        if (text.contains(CloudInitSeed.BOUNDARY)) {
            throw new InvalidInputException(FIELD, UserMessage.of("error.server.user-data-boundary", CloudInitSeed.BOUNDARY));
        }
        return text;
    }

    /** Tabs and line feeds, but no other control characters, and nothing that failed to decode. */
    private static boolean isText(String text) {
        return text.codePoints().noneMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\t') || c == 0xFFFD);
    }
}
