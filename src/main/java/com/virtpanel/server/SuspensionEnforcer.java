package com.virtpanel.server;

import com.virtpanel.account.AccountEvents;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.host.Domains;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A suspended customer's servers are stopped at once (their consoles close on the same event).
 * Backed by the event publication registry: a server that could not be stopped (a crash, an
 * unreachable host) leaves the publication incomplete, and it is stopped when that runs again.
 */
@Component
class SuspensionEnforcer {

    private static final Logger log = LoggerFactory.getLogger(SuspensionEnforcer.class);

    private final ServerRepository servers;
    private final Domains domains;
    private final ServerTransitions transitions;
    private final AccountService accounts;
    private final TransactionTemplate tx;

    SuspensionEnforcer(ServerRepository servers, Domains domains, ServerTransitions transitions, AccountService accounts,
            PlatformTransactionManager transactions) {
        this.servers = servers;
        this.accounts = accounts;
        this.domains = domains;
        this.transitions = transitions;
        // Each server in a transaction of its own: the ones stopped stay stopped when another fails.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(AccountEvents.Suspended event) {
        if (accounts.get(event.accountId()).status() != AccountStatus.SUSPENDED) {
            return; // republished after the account was let back in
        }
        List<Long> running = tx.execute(t -> servers.findByAccountIdAndStatusNotOrderByCreatedAt(event.accountId(),
                ServerStatus.DELETED).stream().map(Server::getId).toList());
        int failed = 0;
        for (long id : running == null ? List.<Long>of() : running) {
            try {
                tx.executeWithoutResult(t -> servers.findById(id)
                        .filter(s -> s.getOperation() == null)
                        .filter(s -> s.getStatus() == ServerStatus.RUNNING || s.getStatus() == ServerStatus.REBOOTING
                                || s.getStatus() == ServerStatus.RESCUE)
                        .ifPresent(s -> {
                            if (domains.state(s.getDomainName()).isActive()) {
                                domains.powerOff(s.getDomainName());
                            }
                            // a stopped rescue system ends rescue mode, leaving the server off (RescueEnd)
                            if (s.getStatus() != ServerStatus.RESCUE) {
                                transitions.status(s, ServerStatus.STOPPED);
                            }
                            log.info("Stopped server {} of suspended account {}", s.getId(), event.accountId());
                        }));
            } catch (RuntimeException e) {
                failed++;
                log.warn("Could not stop server {} of suspended account {}: {}", id, event.accountId(), e.getMessage());
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " server(s) of suspended account " + event.accountId()
                    + " are not stopped yet");
        }
    }
}
