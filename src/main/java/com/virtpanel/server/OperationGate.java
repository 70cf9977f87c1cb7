package com.virtpanel.server;

import com.virtpanel.base.hosts.LocalHost;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounds how many server operations use a host at once (panel.operations.max-parallel, per host):
 * a busy day's orders are queued and served in the order they came, never refused and never
 * failed because another one runs, and one host's line never waits for another host's slots. The
 * slots are counted in the database, under a row lock per host, so every panel instance sharing
 * the database respects the same limit.
 */
@Component
class OperationGate {

    private static final String LOCK = "SELECT host FROM operation_gate WHERE host = ? FOR UPDATE";

    private final ServerRepository servers;
    private final OperationScheduler scheduler;
    private final ServerTransitions transitions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LocalHost localHost;
    private final Clock clock;
    private final int slots;

    OperationGate(ServerRepository servers, OperationScheduler scheduler, ServerTransitions transitions, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, LocalHost localHost, Clock clock, OperationProperties properties) {
        this.servers = servers;
        this.scheduler = scheduler;
        this.transitions = transitions;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.localHost = localHost;
        this.clock = clock;
        this.slots = properties.slots();
    }

    /**
     * Gives the server's operation a slot on its host if one is free and nobody who came earlier
     * is still waiting for one there; true when the operation may run (now, or already before).
     * Runs in a transaction of its own, never inside a request's: waiting for the slot lock must
     * not hold a connection that the request's commit listeners (the audit log) need one more of.
     */
    boolean admit(long serverId) {
        Server found = servers.findById(serverId).orElse(null);
        if (found == null || !found.isQueued()) {
            return true; // already admitted, or nothing left to run: the runner sees which
        }
        String host = localHost.or(found.getHost()); // a queued operation's server stays on its host
        return Boolean.TRUE.equals(tx.execute(t -> {
            lockGate(host);
            Server server = servers.findById(serverId).orElse(null);
            if (server == null || !server.isQueued()) {
                return true;
            }
            int free = freeSlots(host);
            if (free <= 0 || !servers.operationQueue(host, PageRequest.of(0, free)).contains(serverId)) {
                return false;
            }
            server.admit(clock.instant());
            transitions.announce(server); // "queued" becomes the operation's own status
            return true;
        }));
    }

    /** Starts the operations at the front of the line of this server's host at once, as many as it has free slots. */
    void wakeWaiting(long serverId) {
        String host = localHost.or(servers.findById(serverId).map(Server::getHost).orElse(null));
        tx.executeWithoutResult(t -> {
            int free = freeSlots(host);
            if (free > 0) {
                servers.operationQueue(host, PageRequest.of(0, free)).forEach(scheduler::runSoon);
            }
        });
    }

    /** Each queued server's place in its host's line, 1 being next. */
    Map<Long, Integer> positions() {
        Map<String, Integer> lineLengths = new HashMap<>();
        Map<Long, Integer> positions = new HashMap<>();
        for (Object[] row : servers.operationQueues()) {
            positions.put((Long) row[1], lineLengths.merge(localHost.or((String) row[0]), 1, Integer::sum));
        }
        return positions;
    }

    private int freeSlots(String host) {
        return (int) Math.max(0, slots - servers.countAdmittedOperations(host));
    }

    /**
     * Serialises slot hand-outs on one host across threads and panel instances until the
     * transaction ends. A host's first operation makes its row, in a transaction of its own
     * (another instance may be making it at the same moment: then that one's row serves).
     */
    private void lockGate(String host) {
        if (!jdbc.queryForList(LOCK, String.class, host).isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(t -> jdbc.update("INSERT INTO operation_gate (host) VALUES (?)", host));
        } catch (DataIntegrityViolationException madeMeanwhile) {
            // the other instance's row is there now
        }
        jdbc.queryForList(LOCK, String.class, host);
    }
}
