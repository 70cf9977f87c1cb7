package com.virtpanel.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notes how far a server's running step is (a migration's copy), on its row: the page or API
 * request that shows it may be served by another instance than the host instance running the
 * step. A failure here only costs the reader a fresher number.
 */
@Component
class StepProgress {

    private static final Logger log = LoggerFactory.getLogger(StepProgress.class);

    private final ServerRepository servers;
    private final TransactionTemplate tx;

    StepProgress(ServerRepository servers, PlatformTransactionManager transactions) {
        this.servers = servers;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void note(long serverId, Operation.Step step, int percent) {
        try {
            tx.executeWithoutResult(t -> servers.setStepPercent(serverId, step, percent));
        } catch (RuntimeException e) {
            log.warn("Could not note the progress of server {} in {}: {}", serverId, step, e.getMessage());
        }
    }
}
