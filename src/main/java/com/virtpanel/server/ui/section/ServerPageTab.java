package com.virtpanel.server.ui.section;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The server page's tabs, in the order they are shown. The overview opens first; the others'
 * sections are made only when their tab is first opened, so that the page a customer lands on
 * costs a fraction of the whole (and its hidden parts do not refresh on every poll).
 */
public enum ServerPageTab {
    OVERVIEW, USAGE, NETWORK, BACKUPS, RECOVERY, HOST;

    /** Its name in the page's address ({@code ?tab=network}) and in element ids: the same in every language. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ServerPageTab> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
