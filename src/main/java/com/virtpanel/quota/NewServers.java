package com.virtpanel.quota;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.PlanLimits;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerEvents;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A freshly provisioned server starts with its plan's limits, written by the server module
 * into the domain. Recording them at once means a plan change right after provisioning is
 * logged as a plan change, not as drift.
 */
@Component
class NewServers {

    private static final Logger log = LoggerFactory.getLogger(NewServers.class);

    private final QuotaStateRepository states;
    private final ServerDirectory directory;
    private final CatalogService catalog;
    private final Accounting accounting;
    private final Clock clock;
    private final TransactionTemplate tx;

    NewServers(QuotaStateRepository states, ServerDirectory directory, CatalogService catalog, QuotaProperties config,
            Clock clock, PlatformTransactionManager transactions) {
        this.states = states;
        this.directory = directory;
        this.catalog = catalog;
        this.accounting = new Accounting(config);
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Before the other after-commit listeners of the provisioning transaction: its "running"
     * status sets off the reconciler ({@link ReconcileTrigger}), which would otherwise race
     * this method to create the same quota state.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(ServerEvents.Provisioned event) {
        try {
            tx.executeWithoutResult(t -> directory.find(event.serverId()).ifPresent(server -> {
                if (states.existsById(server.id())) {
                    return;
                }
                Instant now = clock.instant();
                PlanInfo plan = catalog.plan(server.planId());
                QuotaState state = accounting.fresh(server.id(), plan, now);
                state.checked(AppliedLimits.format(PlanLimits.of(plan)), null);
                states.save(state);
            }));
        } catch (RuntimeException e) {
            // The reconciler creates the state on its first pass instead (the reconciler may have been first).
            log.debug("No quota state recorded at provisioning of server {}: {}", event.serverId(), e.toString());
        }
    }
}
