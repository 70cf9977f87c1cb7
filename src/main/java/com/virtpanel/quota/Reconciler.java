package com.virtpanel.quota;

import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over every running server: one bulk read of the usage counters, then each server
 * in its own transaction, so that one broken guest does not hold up the others.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final ServerDirectory directory;
    private final UsageFeed usage;
    private final UsageAccounting accounting;
    private final ServerCheck check;
    private final TransactionTemplate tx;

    Reconciler(ServerDirectory directory, UsageFeed usage, UsageAccounting accounting, ServerCheck check,
            PlatformTransactionManager transactions) {
        this.directory = directory;
        this.usage = usage;
        this.accounting = accounting;
        this.check = check;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Returns how many servers could not be checked (stopped meanwhile, host unreachable). */
    int pass() {
        List<ServerRef> servers = directory.running();
        if (servers.isEmpty()) {
            return 0;
        }
        Map<String, UsageFeed.Counters> counters;
        try {
            counters = usage.countersByDomain();
        } catch (RuntimeException e) {
            log.warn("No usage counters this pass (limits are still checked): {}", e.getMessage());
            counters = Map.of();
        }
        int failed = 0;
        for (ServerRef server : servers) {
            UsageFeed.Counters c = counters.get(server.domain());
            try {
                try {
                    checkInTransaction(server, c);
                } catch (DataIntegrityViolationException raced) {
                    // NewServers created the server's quota state at the same moment (a periodic
                    // pass that coincides with a provisioning): this time it is found.
                    checkInTransaction(server, c);
                }
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

    private void checkInTransaction(ServerRef server, UsageFeed.Counters counters) {
        tx.executeWithoutResult(t -> {
            accounting.counters(server, counters);
            check.check(server);
        });
    }
}
