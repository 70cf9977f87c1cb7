package com.virtpanel.usage;

import com.virtpanel.server.ServerEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Forgets a deleted server's counters. Its series age out with the retention; its monthly
 * traffic stays, it is what was used.
 */
@Component
class UsageCleanup {

    private final UsageStore store;

    UsageCleanup(UsageStore store) {
        this.store = store;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ServerEvents.Deleted event) {
        store.deleteCounters(event.serverId());
    }
}
