package com.virtpanel.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.virtpanel.base.PanelException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions thrown in UI event handlers into notifications: a PanelException's own
 * message, or for anything else a generic message with a reference that is also in the log.
 * A customer never sees a stack trace.
 */
@Component
class ErrorNotifications implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorNotifications.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        if (isClientGone(event.getThrowable())) {
            log.debug("Browser went away mid-response: {}", event.getThrowable().toString());
            return;
        }
        String message = messageFor(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notices.error(message));
        }
    }

    static String messageFor(Throwable error) {
        PanelException panel = find(error, PanelException.class);
        if (panel != null) {
            log.debug("Shown to user: {}", panel.userMessage(), panel);
            return Texts.of(panel);
        }
        if (find(error, AccessDeniedException.class) != null) {
            return Texts.get("error.not-allowed");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error (reference {})", reference, error);
        return Texts.get("error.unexpected", reference);
    }

    /** A closed tab or a lost connection is not an error worth a notification or an ERROR log. */
    private static boolean isClientGone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")
                    || (t instanceof java.io.IOException && java.util.Objects.equals(t.getMessage(), "Broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
