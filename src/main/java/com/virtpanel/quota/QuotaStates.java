package com.virtpanel.quota;

import com.virtpanel.catalog.PlanInfo;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Finds a server's quota state, or starts one as a new server's (full initial credits, this traffic period). */
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

    QuotaState of(long serverId, PlanInfo plan) {
        return repository.findById(serverId).orElseGet(() -> repository.save(accounting.fresh(serverId, plan, clock.instant())));
    }
}
