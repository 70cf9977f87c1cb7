package com.virtpanel.network;

import com.virtpanel.server.ServerEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A deleted server leaves its firewalls; the reconciler opens its address's chains for whoever gets it next. */
@Component
class ServerDeletions {

    private final AttachmentRepository attachments;

    ServerDeletions(AttachmentRepository attachments) {
        this.attachments = attachments;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Deleted e) {
        attachments.deleteAll(attachments.findByServerId(e.serverId()));
    }
}
