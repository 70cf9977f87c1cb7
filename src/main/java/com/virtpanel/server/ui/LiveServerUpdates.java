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

    static void attach(Component view, ServerUpdates updates, Consumer<ServerEvents.StatusChanged> onChange, Runnable onPoll) {
        view.addAttachListener((AttachEvent attach) -> {
            UI ui = attach.getUI();
            Runnable unsubscribe = updates.subscribe(event -> ui.access(() -> onChange.accept(event)));
            ui.setPollInterval(POLL_MILLIS);
            var poll = ui.addPollListener(p -> onPoll.run());
            view.addDetachListener(detach -> {
                unsubscribe.run();
                poll.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }
}
