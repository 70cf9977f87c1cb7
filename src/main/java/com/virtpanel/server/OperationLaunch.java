package com.virtpanel.server;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a request starts a server operation: in its transaction the operation is announced and
 * its job stored; after the commit it takes a slot on the host or waits in line. Shared by
 * ordering and guest changes.
 */
@Component
class OperationLaunch {

    private final ServerRepository servers;
    private final ServerTransitions transitions;
    private final OperationScheduler scheduler;
    private final OperationGate gate;
    private final ServerInfos infos;
    private final TransactionTemplate tx;

    OperationLaunch(ServerRepository servers, ServerTransitions transitions, OperationScheduler scheduler, OperationGate gate,
            ServerInfos infos, TransactionTemplate tx) {
        this.servers = servers;
        this.transitions = transitions;
        this.scheduler = scheduler;
        this.gate = gate;
        this.infos = infos;
        this.tx = tx;
    }

    /** In the request's transaction: announces the operation just begun and stores its job, which runs after the commit. */
    void launch(Server server) {
        transitions.announce(server);
        scheduler.runSoon(server.getId());
    }

    /**
     * After the request committed, its operation takes a free slot on the host at once (or
     * waits in line), so a quiet host answers "provisioning", a busy one "queued" with the place in line.
     */
    ServerInfo admitted(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                gate.admit(id);
                break;
            } catch (OptimisticLockingFailureException raced) {
                // the operation's job (on any instance) moved the row meanwhile: the gate looks again
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
        return tx.execute(t -> infos.of(servers.findById(id).orElseThrow()));
    }

    /**
     * Runs work in a short transaction of its own, and again when it lost a race with a status
     * update of the same row (the guest's lifecycle event, the status sync): the next attempt
     * reads the fresh row and decides again, so a customer never sees a "stale row" error.
     */
    <T> T inFreshTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(t -> work.get());
            } catch (OptimisticLockingFailureException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }
}
