package com.virtpanel.network;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks an account's row in firewall_owner for the caller's transaction, creating the row
 * first (in a transaction of its own: two first requests at once both try, one insert wins).
 */
@Component
class OwnerRows {

    private final FirewallOwnerRepository owners;
    private final TransactionTemplate own;

    OwnerRows(FirewallOwnerRepository owners, PlatformTransactionManager transactions) {
        this.owners = owners;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void lock(long accountId) {
        if (owners.lock(accountId).isPresent()) {
            return;
        }
        try {
            own.executeWithoutResult(t -> owners.saveAndFlush(new FirewallOwner(accountId)));
        } catch (DataIntegrityViolationException raced) {
            // another request created it meanwhile: the lock below waits for that one
        }
        owners.lock(accountId).orElseThrow();
    }
}
