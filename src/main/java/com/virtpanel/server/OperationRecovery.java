package com.virtpanel.server;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
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
    private final Scheduler global;
    private final TransactionTemplate tx;

    OperationRecovery(ServerRepository servers, OperationScheduler scheduler, Scheduler global, TransactionTemplate tx) {
        this.servers = servers;
        this.scheduler = scheduler;
        this.global = global;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(t -> servers.findByOperationIsNotNull().forEach(server -> {
            if (leftOnGlobal(server.getId()) || !scheduler.isScheduled(server.getId())) {
                log.info("Resuming {} of server {} at step {}", server.getOperation(), server.getId(), server.getOperationStep());
                scheduler.runSoon(server.getId());
            }
        }));
    }

    /**
     * Before each host had a scheduler, operations were stored in the global one, where any
     * instance would run them against its own libvirt: one left there is taken off, to go to its host's.
     */
    private boolean leftOnGlobal(long serverId) {
        try {
            return global.deleteJob(OperationScheduler.key(serverId));
        } catch (SchedulerException e) {
            log.warn("Could not look for server {}'s operation on the global scheduler: {}", serverId, e.getMessage());
            return false;
        }
    }
}
