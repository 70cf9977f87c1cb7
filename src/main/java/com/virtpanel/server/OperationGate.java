package com.virtpanel.server;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounds how many server operations use the host at once (panel.operations.max-parallel): a
 * busy day's orders are queued and served in the order they came, never refused and never
 * failed because another one runs. The slots are counted in the database, under a row lock,
 * so every panel instance sharing the database respects the same limit.
 */
@Component
class OperationGate {

    private static final String HOST = "local";

    private final ServerRepository servers;
    private final OperationScheduler scheduler;
    private final ServerTransitions transitions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int slots;

    OperationGate(ServerRepository servers, OperationScheduler scheduler, ServerTransitions transitions, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, Clock clock, OperationProperties properties) {
        this.servers = servers;
        this.scheduler = scheduler;
        this.transitions = transitions;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.slots = properties.slots();
    }

    /**
     * Gives the server's operation a slot if one is free and nobody who came earlier is still
     * waiting for it; true when the operation may run (now, or already before). Runs in a
     * transaction of its own, never inside a request's: waiting for the slot lock must not hold
     * a connection that the request's commit listeners (the audit log) need one more of.
     */
    boolean admit(long serverId) {
        return Boolean.TRUE.equals(tx.execute(t -> {
            lockGate();
            Server server = servers.findById(serverId).orElse(null);
            if (server == null || !server.isQueued()) {
                return true; // already admitted, or nothing left to run: the runner sees which
            }
            int free = freeSlots();
            if (free <= 0 || !servers.operationQueue(PageRequest.of(0, free)).contains(serverId)) {
                return false;
            }
            server.admit(clock.instant());
            transitions.announce(server); // "queued" becomes the operation's own status
            return true;
        }));
    }

    /** Starts the operations at the front of the line at once, as many as there are free slots. */
    void wakeWaiting() {
        tx.executeWithoutResult(t -> {
            int free = freeSlots();
            if (free > 0) {
                servers.operationQueue(PageRequest.of(0, free)).forEach(scheduler::runSoon);
            }
        });
    }

    /** Each queued server's place in line, 1 being next. */
    Map<Long, Integer> positions() {
        List<Long> line = servers.operationQueue(Pageable.unpaged());
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; i < line.size(); i++) {
            positions.put(line.get(i), i + 1);
        }
        return positions;
    }

    private int freeSlots() {
        return (int) Math.max(0, slots - servers.countAdmittedOperations());
    }

    /** Serialises slot hand-outs across threads and panel instances until the transaction ends. */
    private void lockGate() {
        jdbc.queryForList("SELECT host FROM operation_gate WHERE host = ? FOR UPDATE", String.class, HOST);
    }
}
