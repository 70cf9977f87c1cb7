package com.virtpanel.support;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.UnavailableException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit rows for the listeners, inside the action's own transaction: the listeners run
 * just before it commits ({@code BEFORE_COMMIT}), so a row that cannot be written rolls the
 * action back and the caller sees the error. An action is never done unaudited. Without a
 * transaction (sign-in events, console threads) the row gets one of its own and a failure
 * still reaches whoever published the event. Who acted is read at event time, on the thread
 * that published the event.
 */
@Component
class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRepository audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;

    AuditTrail(AuditRepository audit, CurrentUser currentUser, Clock clock, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.ownTx = new TransactionTemplate(transactions);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A row for what the current user (or the system, for jobs) just did. */
    void record(AuditAction action, Long subjectAccountId, Long serverId, String target, String detail) {
        record(currentWho(), action, subjectAccountId, serverId, target, detail, ClientAddress.current());
    }

    void record(Who who, AuditAction action, Long subjectAccountId, Long serverId, String target, String detail,
            String clientIp) {
        // A read-only transaction (a query that published an event) cannot take the insert.
        TransactionTemplate within = TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? ownTx : tx;
        try {
            within.executeWithoutResult(t -> audit.save(new AuditRecord(clock.instant(), action, who,
                    subjectAccountId, serverId, target, detail, clientIp)));
        } catch (RuntimeException e) {
            log.error("Could not write the audit row {} by {} (server {}, account {}): the action is refused",
                    action.code(), who.actor().email(), serverId, subjectAccountId, e);
            throw new UnavailableException(UserMessage.of("error.support.audit-log-cannot-written-right"), e);
        }
    }

    Who currentWho() {
        return currentUser.find().map(Who::of).orElse(ClientAddress.inRequest() ? Who.ANONYMOUS : Who.SYSTEM);
    }
}
