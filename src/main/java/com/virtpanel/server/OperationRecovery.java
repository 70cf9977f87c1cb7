package com.virtpanel.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start-up, every server still in an operation gets its job back if Quartz lost it (a job
 * Quartz recovers itself is left alone). Together with idempotent steps this makes
 * "the panel was killed mid-provisioning" a non-event.
 */
@Component
class OperationRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationRecovery.class);

    private final ServerRepository servers;
    private final OperationScheduler scheduler;
    private final TransactionTemplate tx;

    OperationRecovery(ServerRepository servers, OperationScheduler scheduler, TransactionTemplate tx) {
        this.servers = servers;
        this.scheduler = scheduler;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(t -> servers.findByOperationIsNotNull().forEach(server -> {
            if (!scheduler.isScheduled(server.getId())) {
                log.info("Resuming {} of server {} at step {}", server.getOperation(), server.getId(), server.getOperationStep());
                scheduler.runSoon(server.getId());
            }
        }));
    }
}
