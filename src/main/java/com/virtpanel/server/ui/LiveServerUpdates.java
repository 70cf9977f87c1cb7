package com.virtpanel.server.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerUpdates;
import java.util.function.Consumer;

/**
 * Wires a view to server status changes: pushed at once for changes made on this instance,
 * and polled every few seconds for the rest.
 */
final class LiveServerUpdates {

    static final int POLL_MILLIS = 4000;

    private LiveServerUpdates() {
    }

    /** For a view: it also sets the page's poll going while it is shown, and stops it when it goes. */
    static void attach(Component view, ServerUpdates updates, Consumer<ServerEvents.StatusChanged> onChange, Runnable onPoll) {
        view.addAttachListener((AttachEvent attach) -> {
            attach.getUI().setPollInterval(POLL_MILLIS);
            view.addDetachListener(detach -> {
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
        follow(view, updates, onChange, onPoll);
    }

    /**
     * For a part of a view (a section on a tab that may be closed and opened again): it listens
     * while attached, catches up when shown again, and leaves the page's poll to the view.
     */
    static void follow(Component part, ServerUpdates updates, Consumer<ServerEvents.StatusChanged> onChange, Runnable onPoll) {
        part.addAttachListener((AttachEvent attach) -> {
            if (!attach.isInitialAttach()) {
                onPoll.run(); // its tab was closed meanwhile: nothing was heard
            }
            UI ui = attach.getUI();
            Runnable unsubscribe = updates.subscribe(event -> ui.access(() -> onChange.accept(event)));
            var poll = ui.addPollListener(p -> onPoll.run());
            part.addDetachListener(detach -> {
                unsubscribe.run();
                poll.remove();
                detach.unregisterListener();
            });
        });
    }
}
