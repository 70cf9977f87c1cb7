package com.virtpanel.quota;

import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.PlanLimits;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A server's quota state: created once, when the server is ordered ({@link NewServers}), read
 * by everyone else. Readers tolerate a state that does not exist yet (the order's listener has
 * not run, or failed and waits to be republished): they skip the server until it does.
 */
@Component
class QuotaStates {

    private final QuotaStateRepository repository;
    private final Accounting accounting;
    private final Clock clock;

    QuotaStates(QuotaStateRepository repository, QuotaProperties config, Clock clock) {
        this.repository = repository;
        this.accounting = new Accounting(config);
        this.clock = clock;
    }

    Optional<QuotaState> find(long serverId) {
        return repository.findById(serverId);
    }

    /**
     * Starts a new server's state (full initial credits, this traffic period), with its plan's
     * limits as those the host enforces: the server module defines the guest with them. Does
     * nothing when the state exists (the same order's event, republished).
     */
    void start(long serverId, PlanInfo plan) {
        if (repository.existsById(serverId)) {
            return;
        }
        QuotaState state = accounting.fresh(serverId, plan, clock.instant());
        state.checked(AppliedLimits.format(PlanLimits.of(plan)), null);
        repository.save(state);
    }
}
