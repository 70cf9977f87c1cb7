package com.virtpanel.network;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pool changes take the same database row lock as orders ({@code order_guard}, V81): an order
 * picks its address from the pools under that lock, so a pool change and an order never decide
 * on different views of the pools, and simultaneous pool changes see each other's result.
 */
@Component
class PoolGuard {

    @PersistenceContext
    private EntityManager entityManager;

    @Transactional(propagation = Propagation.MANDATORY)
    void hold() {
        entityManager.createNativeQuery("SELECT id FROM order_guard WHERE id = 1 FOR UPDATE").getResultList();
    }
}
