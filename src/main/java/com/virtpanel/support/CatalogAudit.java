package com.virtpanel.support;

import com.virtpanel.catalog.CatalogEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Admin changes to plans and images. */
@Component
class CatalogAudit {

    private final AuditTrail trail;

    CatalogAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.PlanCreated e) {
        trail.record(AuditAction.PLAN_CREATED, null, null, e.name(), "plan " + e.planId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.PlanChanged e) {
        trail.record(AuditAction.PLAN_CHANGED, null, null, e.name(), "plan " + e.planId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.PlanRetired e) {
        trail.record(AuditAction.PLAN_RETIRED, null, null, e.name(), "plan " + e.planId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.PlanDeleted e) {
        trail.record(AuditAction.PLAN_DELETED, null, null, e.name(), "plan " + e.planId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.ImageRegistered e) {
        trail.record(AuditAction.IMAGE_REGISTERED, null, null, e.name(), "image " + e.imageId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.ImageEnabled e) {
        trail.record(e.enabled() ? AuditAction.IMAGE_ENABLED : AuditAction.IMAGE_DISABLED, null, null, e.name(),
                "image " + e.imageId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.IsoRegistered e) {
        trail.record(AuditAction.ISO_REGISTERED, e.ownerAccountId(), null, e.name(), "iso " + e.isoId()
                + (e.ownerAccountId() == null ? " (library)" : " (customer's own)"));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.IsoRemoved e) {
        trail.record(AuditAction.ISO_REMOVED, e.ownerAccountId(), null, e.name(), "iso " + e.isoId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogEvents.PlanCustomerIsoChanged e) {
        trail.record(AuditAction.PLAN_CUSTOMER_ISO_CHANGED, null, null, e.name(), "plan " + e.planId()
                + (e.allowed() ? ": own ISOs allowed" : ": own ISOs not allowed"));
    }
}
