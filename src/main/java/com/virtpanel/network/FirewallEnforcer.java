package com.virtpanel.network;

import com.virtpanel.host.FirewallRuleSpec;
import com.virtpanel.host.GuestFirewalls;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a server's firewalls on the host: the union of the rules of every firewall attached to
 * it, then marks those attachments applied at the revision it read. One server at a time (a
 * later change must not be overtaken by an earlier one still on its way to the host).
 */
@Component
class FirewallEnforcer {

    private static final Logger log = LoggerFactory.getLogger(FirewallEnforcer.class);

    /** Published by {@link FirewallService} inside its transaction; acted on once that committed. */
    record ServersChanged(List<Long> serverIds) {
    }

    private final FirewallRepository firewalls;
    private final AttachmentRepository attachments;
    private final ServerDirectory directory;
    private final GuestFirewalls host;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    FirewallEnforcer(FirewallRepository firewalls, AttachmentRepository attachments, ServerDirectory directory,
            GuestFirewalls host, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.firewalls = firewalls;
        this.attachments = attachments;
        this.directory = directory;
        this.host = host;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Right after a change committed, so it holds within a second; what fails here the reconciler retries. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ServersChanged changed) {
        for (long serverId : changed.serverIds()) {
            try {
                enforce(serverId, null);
            } catch (RuntimeException e) {
                log.warn("Firewall of server {} not applied yet (the reconciler retries): {}", serverId, e.toString());
            }
        }
    }

    /** A server that arrived from another host gets its rules on this one at once; what fails here the reconciler retries. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ServerEvents.Migrated arrived) {
        on(new ServersChanged(List.of(arrived.serverId())));
    }

    /**
     * Applies the server's rules when the host differs from them (always when {@code snapshot} is
     * null). Returns true when the host had drifted from rules it was known to hold (a repair).
     */
    boolean enforce(long serverId, GuestFirewalls.Snapshot snapshot) {
        synchronized (locks.computeIfAbsent(serverId, id -> new Object())) {
            return Boolean.TRUE.equals(tx.execute(t -> enforceInTransaction(serverId, snapshot)));
        }
    }

    private boolean enforceInTransaction(long serverId, GuestFirewalls.Snapshot snapshot) {
        var server = directory.find(serverId);
        Optional<String> ipv4 = directory.ipv4(serverId);
        if (server.isEmpty() || ipv4.isEmpty() || server.get().status() == ServerStatus.DELETED) {
            return false;
        }
        String ipv6Net = directory.ipv6Network(serverId).orElse(null);
        List<Attachment> attached = attachments.findByServerId(serverId);
        List<FirewallRuleSpec> rules = new ArrayList<>();
        boolean allApplied = true;
        Map<Long, Long> revisions = new java.util.HashMap<>();
        for (Attachment a : attached) {
            Firewall f = firewalls.findById(a.getFirewallId()).orElseThrow();
            rules.addAll(FirewallRules.specs(f.getRules()));
            revisions.put(f.getId(), f.getRevision());
            allApplied &= a.appliedAt(f.getRevision());
        }
        boolean filtered = !attached.isEmpty();
        boolean drifted = false;
        if (snapshot != null) {
            // the pass read its snapshot before this server's turn: a change applied since then is
            // no drift, so a mismatch is looked at again, fresh, before it counts as a repair
            if (snapshot.holds(ipv4.get(), ipv6Net, rules, filtered)
                    || host.snapshot().holds(ipv4.get(), ipv6Net, rules, filtered)) {
                return false;
            }
            drifted = allApplied && filtered;
        }
        host.apply(ipv4.get(), ipv6Net, rules, filtered);
        for (Attachment a : attached) {
            a.applied(revisions.get(a.getFirewallId()));
        }
        if (drifted) {
            log.warn("Firewall rules of server {} ({}) differed on the host and were put back", serverId, ipv4.get());
            events.publishEvent(new FirewallEvents.Repaired(server.get().accountId(), serverId, ipv4.get()));
        }
        return drifted;
    }
}
