package com.virtpanel.network;

import com.virtpanel.host.GuestFirewalls;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerEvents;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A deleted server leaves its firewalls, and its address's chains are opened at once: the next
 * server given that address must not start under the old owner's rules until a reconcile pass.
 */
@Component
class ServerDeletions {

    private static final Logger log = LoggerFactory.getLogger(ServerDeletions.class);

    private final AttachmentRepository attachments;
    private final ServerDirectory directory;
    private final GuestFirewalls host;

    ServerDeletions(AttachmentRepository attachments, ServerDirectory directory, GuestFirewalls host) {
        this.attachments = attachments;
        this.directory = directory;
        this.host = host;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Deleted e) {
        attachments.deleteAll(attachments.findByServerId(e.serverId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void opened(ServerEvents.Deleted e) {
        try {
            // the /64 goes with the server; its map entry leads to these emptied chains until it is handed out again
            directory.ipv4(e.serverId()).filter(ip -> !host.snapshot().holds(ip, null, List.of(), false))
                    .ifPresent(ip -> host.apply(ip, null, List.of(), false));
        } catch (RuntimeException failed) {
            log.warn("Firewall chains of deleted server {} not opened (the reconciler does): {}", e.serverId(), failed.toString());
        }
    }
}
