package com.virtpanel.server;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fans committed status changes out to open views (which push them to the browser). Views
 * also poll as a fallback, because a change made by another panel instance is not seen here.
 */
@Component
public class ServerUpdates {

    private final CopyOnWriteArrayList<Consumer<ServerEvents.StatusChanged>> listeners = new CopyOnWriteArrayList<>();

    /** Returns a handle that unsubscribes. */
    public Runnable subscribe(Consumer<ServerEvents.StatusChanged> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.StatusChanged event) {
        listeners.forEach(l -> l.accept(event));
    }
}
