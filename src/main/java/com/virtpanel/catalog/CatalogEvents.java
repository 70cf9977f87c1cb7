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
}
