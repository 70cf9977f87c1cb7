package com.virtpanel.quota;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one creator of quota states: a server's state starts when its order commits, before the
 * guest exists, so by the time it runs its usage is booked and its limits are checked. Backed by
 * the event publication registry: a crash between the order's commit and this listener leaves
 * an incomplete publication that runs again at the next start, so no server is left without one.
 */
@Component
class NewServers {

    private static final Logger log = LoggerFactory.getLogger(NewServers.class);

    private final QuotaStates states;
    private final ServerDirectory directory;
    private final CatalogService catalog;
    private final TransactionTemplate tx;

    NewServers(QuotaStates states, ServerDirectory directory, CatalogService catalog, PlatformTransactionManager transactions) {
        this.states = states;
        this.directory = directory;
        this.catalog = catalog;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(ServerEvents.Ordered event) {
        directory.find(event.serverId()).ifPresent(this::start);
    }

    /**
     * Servers ordered before the publication registry existed (their states used to be created
     * on first use) get theirs at start-up. Another instance starting at the same moment may
     * create the same one: then that one stands.
     */
    @EventListener(ApplicationReadyEvent.class)
    void startMissing() {
        for (ServerRef server : directory.live()) {
            try {
                tx.executeWithoutResult(t -> start(server));
            } catch (RuntimeException e) {
                log.debug("Quota state of server {} not started here: {}", server.id(), e.toString());
            }
        }
    }

    private void start(ServerRef server) {
        states.start(server.id(), catalog.plan(server.planId()));
    }
}
