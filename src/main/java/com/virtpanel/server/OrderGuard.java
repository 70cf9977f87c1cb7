package com.virtpanel.server;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders decide the host's capacity and the next free address one at a time, on every panel
 * instance: each locks the one row of {@code order_guard} until its transaction ends. A row
 * lock in the database, not in the JVM, so it holds in a cluster; it is held for milliseconds.
 */
@Component
class OrderGuard {

    @PersistenceContext
    private EntityManager entityManager;

    /** Waits for the orders before this one; released when the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    void hold() {
        entityManager.createNativeQuery("SELECT id FROM order_guard WHERE id = 1 FOR UPDATE").getResultList();
    }
}
