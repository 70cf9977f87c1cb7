package com.virtpanel.server;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.DomainSpec;
import com.virtpanel.host.Volumes;
import org.springframework.stereotype.Component;

/**
 * A server's domain definition from its plan, image and volumes, with the image's template in
 * the pool (imported on the way when it is missing). The one place the operations (provision,
 * reinstall, plan changes, ISO boot, rescue) turn stored facts into a {@link DomainSpec}.
 */
@Component
class ServerDomainSpecs {

    private final CatalogService catalog;
    private final Volumes volumes;
    private final GuestBlueprint blueprint;
    private final DedicatedCores cores;

    ServerDomainSpecs(CatalogService catalog, Volumes volumes, GuestBlueprint blueprint, DedicatedCores cores) {
        this.catalog = catalog;
        this.volumes = volumes;
        this.blueprint = blueprint;
        this.cores = cores;
    }

    /** As the server is now: its plan, image, disk and seed. */
    DomainSpec current(Server s) {
        return of(s, s.getPlanId(), s.getImageId(), s.getDiskVolume(), s.getSeedVolume());
    }

    /** With another plan, image or volumes than the stored ones (a change on its way). */
    DomainSpec of(Server s, long planId, long imageId, String disk, String seed) {
        ImageInfo image = catalog.image(imageId);
        PlanInfo plan = catalog.plan(planId);
        var template = volumes.ensureTemplate(GuestBlueprint.template(image));
        // a dedicated server's vCPUs on the cores it holds; a shared one's on the host's shared cores
        return blueprint.domain(s, plan, image, template, disk, seed, PlanLimits.of(plan))
                .withDedicatedCores(plan.dedicated() ? cores.of(s.getHost(), s.getId()) : null);
    }
}
