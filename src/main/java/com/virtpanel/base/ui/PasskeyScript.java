package com.virtpanel.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.PendingJavaScriptResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The browser side of passkeys (passkeys.js beside this class): run inline rather than as a
 * frontend module, so the login page needs no frontend build step and nothing outside the page.
 */
public final class PasskeyScript {

    private static final String SOURCE = load();

    private PasskeyScript() {
    }

    /** Runs {@code call} (e.g. "return window.vpPasskeys.authenticate()") once the script is on the page. */
    public static PendingJavaScriptResult run(UI ui, String call, Serializable... arguments) {
        ui.getPage().executeJs(SOURCE);
        return ui.getPage().executeJs(call, arguments);
    }

    private static String load() {
        try (InputStream in = PasskeyScript.class.getResourceAsStream("passkeys.js")) {
            if (in == null) {
                throw new IllegalStateException("passkeys.js is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
