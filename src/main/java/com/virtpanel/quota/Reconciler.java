package com.virtpanel.quota;

import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over every running server, each in its own transaction, so that one broken guest
 * does not hold up the others. Usage is booked as it is sampled ({@link SampledUsage}); this
 * only brings the limits in line with the plan and the throttles.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final ServerDirectory directory;
    private final ServerCheck check;
    private final TransactionTemplate tx;

    Reconciler(ServerDirectory directory, ServerCheck check, PlatformTransactionManager transactions) {
        this.directory = directory;
        this.check = check;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Returns how many servers could not be checked (stopped meanwhile, host unreachable). */
    int pass() {
        List<ServerRef> servers = directory.runningHere(); // each host reconciles its own
        if (servers.isEmpty()) {
            return 0;
        }
        int failed = 0;
        for (ServerRef server : servers) {
            try {
                checkInTransaction(server);
            } catch (RuntimeException e) {
                // A guest that stopped since the list was read, or a host call that failed:
                // the next pass tries again.
                if (failed++ == 0) {
                    log.warn("Could not check the limits of {}: {}", server.domain(), e.toString());
                } else {
                    log.debug("Could not check the limits of {}: {}", server.domain(), e.toString());
                }
            }
        }
        if (failed > 1) {
            log.warn("Limits of {} of {} servers could not be checked this pass", failed, servers.size());
        }
        return failed;
    }

    private void checkInTransaction(ServerRef server) {
        tx.executeWithoutResult(t -> check.check(server));
    }
}
