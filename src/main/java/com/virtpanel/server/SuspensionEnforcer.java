package com.virtpanel.server;

import com.virtpanel.account.AccountEvents;
import com.virtpanel.host.Domains;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** A suspended customer's servers are stopped at once (their consoles close on the same event). */
@Component
class SuspensionEnforcer {

    private static final Logger log = LoggerFactory.getLogger(SuspensionEnforcer.class);

    private final ServerRepository servers;
    private final Domains domains;
    private final ServerTransitions transitions;
    private final TransactionTemplate tx;

    SuspensionEnforcer(ServerRepository servers, Domains domains, ServerTransitions transitions,
            PlatformTransactionManager transactions) {
        this.servers = servers;
        this.domains = domains;
        this.transitions = transitions;
        // After the suspending transaction committed: a new one, or nothing would be saved.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountEvents.Suspended event) {
        tx.executeWithoutResult(t -> servers.findByAccountIdAndStatusNotOrderByCreatedAt(event.accountId(), ServerStatus.DELETED)
                .stream()
                .filter(s -> s.getOperation() == null)
                .filter(s -> s.getStatus() == ServerStatus.RUNNING || s.getStatus() == ServerStatus.REBOOTING)
                .forEach(s -> {
                    try {
                        if (domains.state(s.getDomainName()).isActive()) {
                            domains.powerOff(s.getDomainName());
                        }
                        transitions.status(s, ServerStatus.STOPPED);
                        log.info("Stopped server {} of suspended account {}", s.getId(), event.accountId());
                    } catch (RuntimeException e) {
                        log.warn("Could not stop server {} of suspended account {}: {}", s.getId(), event.accountId(), e.getMessage());
                    }
                }));
    }
}
