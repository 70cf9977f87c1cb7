package com.virtpanel.base.ui;

import com.vaadin.flow.component.UI;
import com.virtpanel.base.Messages;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.UserMessage;
import java.util.Locale;

/**
 * The words of the pages, in the language of the current UI (see {@link PanelTranslations}).
 * Views take every user-facing text from here, so no English is left in their code
 * ({@code ViewLiteralsTest} finds any). The same as {@code getTranslation}, but also usable
 * outside a component (dialog builders, grid renderers, static helpers).
 */
public final class Texts {

    private Texts() {
    }

    public static String get(String key, Object... args) {
        return Messages.get(locale(), key, args);
    }

    public static String get(UserMessage message) {
        return message == null ? null : message.in(locale());
    }

    /** A service's refusal in the reader's language. */
    public static String of(PanelException refusal) {
        return refusal.userMessage(locale());
    }

    /** The current UI's language; English outside a UI (a background thread without one). */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Messages.ENGLISH : Messages.supported(ui.getLocale());
    }
}
