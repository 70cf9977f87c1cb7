package com.virtpanel.catalog;

/** Catalog changes; the quota module re-applies limits live when a plan changes. */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    public record PlanCreated(long planId, String name) {
    }

    public record PlanChanged(long planId, String name) {
    }

    public record PlanRetired(long planId, String name) {
    }

    public record PlanDeleted(long planId, String name) {
    }

    public record ImageRegistered(long imageId, String name) {
    }

    public record ImageEnabled(long imageId, String name, boolean enabled) {
    }

    /** An ISO is ready to boot: an admin's in the library, or a customer's own (ownerAccountId set). */
    public record IsoRegistered(long isoId, String name, Long ownerAccountId) {
    }

    public record IsoRemoved(long isoId, String name, Long ownerAccountId) {
    }

    /** Whether servers on a plan may boot their customers' own ISOs. */
    public record PlanCustomerIsoChanged(long planId, String name, boolean allowed) {
    }
}
