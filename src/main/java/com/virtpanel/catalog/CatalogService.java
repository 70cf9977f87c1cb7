package com.virtpanel.catalog;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans and images: what customers may order, and the admin side that maintains them. */
@Service
@Transactional
public class CatalogService {

    private final PlanRepository plans;
    private final ImageRepository images;
    private final ObjectProvider<PlanUsage> planUsage;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogService(PlanRepository plans, ImageRepository images, ObjectProvider<PlanUsage> planUsage,
            ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.images = images;
        this.planUsage = planUsage;
        this.events = events;
        this.clock = clock;
    }

    /** Plans open for new orders. */
    @Transactional(readOnly = true)
    public List<PlanInfo> plans() {
        return plans.findAllByOrderByVcpusAscMemoryMibAsc().stream().filter(Plan::isActive).map(Plan::info).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<PlanInfo> allPlans() {
        return plans.findAllByOrderByVcpusAscMemoryMibAsc().stream().map(Plan::info).toList();
    }

    /** An orderable plan by name; anything else is a clear input error on the "plan" field. */
    @Transactional(readOnly = true)
    public PlanInfo orderablePlan(String name) {
        return plans.findByName(name == null ? "" : name.trim()).filter(Plan::isActive).map(Plan::info)
                .orElseThrow(() -> new InvalidInputException("plan", UserMessage.of("error.catalog.no-plan-called", shorten(name))));
    }

    /** Any plan by id, retired ones included (servers keep their plan). */
    @Transactional(readOnly = true)
    public PlanInfo plan(long id) {
        return plans.findById(id).map(Plan::info).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.plan-not-found")));
    }

    @Transactional(readOnly = true)
    public List<ImageInfo> images() {
        return images.findAllByOrderByName().stream().map(Image::info).filter(ImageInfo::enabled).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<ImageInfo> allImages() {
        return images.findAllByOrderByName().stream().map(Image::info).toList();
    }

    @Transactional(readOnly = true)
    public ImageInfo orderableImage(String name) {
        return images.findByName(name == null ? "" : name.trim()).map(Image::info).filter(ImageInfo::enabled)
                .orElseThrow(() -> new InvalidInputException("image", UserMessage.of("error.catalog.no-image-called", shorten(name))));
    }

    @Transactional(readOnly = true)
    public ImageInfo image(long id) {
        return images.findById(id).map(Image::info).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.image-not-found")));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PlanInfo createPlan(PlanDraft draft) {
        PlanRules.check(draft);
        if (plans.findByName(draft.name()).isPresent()) {
            throw new ConflictException(UserMessage.of("error.catalog.plan-exists", draft.name()));
        }
        Plan plan = plans.saveAndFlush(new Plan(draft, clock.instant()));
        events.publishEvent(new CatalogEvents.PlanCreated(plan.getId(), draft.name()));
        return plan.info();
    }

    /** Changing a plan changes the limits of every server on it; the quota module applies them live. */
    @PreAuthorize("hasRole('ADMIN')")
    public PlanInfo updatePlan(long id, PlanDraft draft) {
        PlanRules.check(draft);
        Plan plan = plans.findById(id).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.plan-not-found")));
        PlanInfo before = plan.info();
        if (!before.name().equals(draft.name()) && plans.findByName(draft.name()).isPresent()) {
            throw new ConflictException(UserMessage.of("error.catalog.plan-exists", draft.name()));
        }
        if (planUsage.getIfAvailable(() -> p -> 0).liveServersOn(id) > 0
                && (draft.vcpus() != before.vcpus() || draft.memoryMib() != before.memoryMib() || draft.diskGib() < before.diskGib())) {
            throw new ConflictException(UserMessage.of("error.catalog.plan-size-in-use"));
        }
        plan.apply(draft);
        plans.flush();
        events.publishEvent(new CatalogEvents.PlanChanged(id, draft.name()));
        return plan.info();
    }

    /** A retired plan takes no new orders; existing servers keep it. */
    @PreAuthorize("hasRole('ADMIN')")
    public PlanInfo retirePlan(long id) {
        Plan plan = plans.findById(id).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.plan-not-found")));
        plan.retire();
        events.publishEvent(new CatalogEvents.PlanRetired(id, plan.info().name()));
        return plan.info();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PlanInfo reactivatePlan(long id) {
        Plan plan = plans.findById(id).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.plan-not-found")));
        plan.reactivate();
        events.publishEvent(new CatalogEvents.PlanChanged(id, plan.info().name()));
        return plan.info();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void deletePlan(long id) {
        Plan plan = plans.findById(id).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.plan-not-found")));
        long inUse = planUsage.getIfAvailable(() -> p -> 0).liveServersOn(id);
        if (inUse > 0) {
            throw new ConflictException(UserMessage.of("error.catalog.plan-in-use", inUse));
        }
        String name = plan.info().name();
        try {
            plans.delete(plan);
            plans.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException referenced) {
            throw new ConflictException(UserMessage.of("error.catalog.deleted-servers-still-refer-plan"));
        }
        events.publishEvent(new CatalogEvents.PlanDeleted(id, name));
    }

    /** Saves an image whose file the caller has already verified (checksum) and inspected. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImageInfo registerImage(ImageDraft draft, String osName, String osVersion, String arch) {
        return saveImage(draft, osName, osVersion, arch);
    }

    /** Seeding at start-up, without a signed-in admin. */
    ImageInfo saveImage(ImageDraft draft, String osName, String osVersion, String arch) {
        if (draft.name() == null || !draft.name().matches("^[a-z0-9][a-z0-9.-]{0,39}$")) {
            throw new InvalidInputException("name", UserMessage.of("error.catalog.image-name-lower-case-letters"));
        }
        if (images.findByName(draft.name()).isPresent()) {
            throw new ConflictException(UserMessage.of("error.catalog.image-exists", draft.name()));
        }
        Image image = new Image(draft, clock.instant());
        image.inspected(osName, osVersion, arch);
        image = images.saveAndFlush(image);
        events.publishEvent(new CatalogEvents.ImageRegistered(image.getId(), draft.name()));
        return image.info();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ImageInfo setImageEnabled(long id, boolean enabled) {
        Image image = images.findById(id).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.image-not-found")));
        image.setEnabled(enabled);
        events.publishEvent(new CatalogEvents.ImageEnabled(id, image.info().name(), enabled));
        return image.info();
    }

    /** Records what inspection found in an image (OS name, version, architecture). */
    public ImageInfo recordInspection(long id, String osName, String osVersion, String arch) {
        Image image = images.findById(id).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.image-not-found")));
        image.inspected(osName, osVersion, arch);
        return image.info();
    }

    /** Whether servers on the plan may boot ISOs their customers added from a URL (kept apart from PlanInfo: an option of few). */
    @Transactional(readOnly = true)
    public boolean allowsCustomerIso(long planId) {
        return plans.findById(planId).map(Plan::allowsCustomerIso).orElse(false);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void setCustomerIso(long planId, boolean allowed) {
        Plan plan = plans.findById(planId).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.plan-not-found")));
        if (plan.allowsCustomerIso() != allowed) {
            plan.allowCustomerIso(allowed);
            events.publishEvent(new CatalogEvents.PlanCustomerIsoChanged(planId, plan.info().name(), allowed));
        }
    }

    /** Seeding at start-up. */
    PlanInfo savePlan(PlanDraft draft) {
        PlanRules.check(draft);
        return plans.saveAndFlush(new Plan(draft, clock.instant())).info();
    }

    boolean isEmpty() {
        return plans.count() == 0 && images.count() == 0;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
