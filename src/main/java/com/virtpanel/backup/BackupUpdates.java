package com.virtpanel.backup;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fans committed backup changes (started, progress, made, failed, damaged, deleted) out to open
 * server pages, which push them to the browser, as {@link com.virtpanel.server.ServerUpdates}
 * does for server status. Only changes made on this instance arrive here: the pages also look
 * again on the server page's poll while a backup runs, for backups run by another instance.
 */
@Component
public class BackupUpdates {

    /**
     * One backup of one server changed.
     *
     * @param progress how far its copy is (0-100) when that is what changed; null for any other change
     */
    public record Change(long serverId, long backupId, Integer progress) {
    }

    private final CopyOnWriteArrayList<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** Returns a handle that unsubscribes. Listeners are called on the thread that made the change: they must be quick. */
    public Runnable subscribe(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(BackupEvents.BackupEvent e) {
        Integer progress = e instanceof BackupEvents.BackupProgress p ? p.percent() : null;
        Change change = new Change(e.serverId(), e.backupId(), progress);
        listeners.forEach(l -> l.accept(change));
    }
}
