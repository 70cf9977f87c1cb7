package com.virtpanel.support;

import com.virtpanel.account.CurrentUser;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit rows for the listeners. Each row gets its own transaction: listeners run after
 * the action's transaction committed, and the row must not depend on what other listeners do.
 * Who acted is read at event time, on the thread that published the event.
 */
@Component
class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRepository audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;

    AuditTrail(AuditRepository audit, CurrentUser currentUser, Clock clock, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A row for what the current user (or the system, for jobs) just did. */
    void record(AuditAction action, Long subjectAccountId, Long serverId, String target, String detail) {
        record(currentWho(), action, subjectAccountId, serverId, target, detail, ClientAddress.current());
    }

    void record(Who who, AuditAction action, Long subjectAccountId, Long serverId, String target, String detail,
            String clientIp) {
        try {
            tx.executeWithoutResult(t -> audit.save(new AuditRecord(clock.instant(), action, who, subjectAccountId,
                    serverId, target, detail, clientIp)));
        } catch (RuntimeException e) {
            // The action itself has committed already; failing it now would only hide that it happened.
            log.error("Could not write the audit row {} by {} (server {}, account {})", action.code(),
                    who.actor().email(), serverId, subjectAccountId, e);
        }
    }

    Who currentWho() {
        return currentUser.find().map(Who::of).orElse(ClientAddress.inRequest() ? Who.ANONYMOUS : Who.SYSTEM);
    }
}
