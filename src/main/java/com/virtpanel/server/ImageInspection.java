package com.virtpanel.server;

import com.virtpanel.catalog.CatalogEvents;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.base.hosts.HostSchedulers;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.host.GuestImageTools;
import com.virtpanel.host.InspectedOs;
import java.nio.file.Path;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Finds out which OS an image holds (libguestfs inspection, read-only: name, version,
 * architecture) and records it in the catalog, where the order wizard shows it. An image
 * registered without these facts is inspected in the background right after registration.
 * An inspection starts an appliance (15 s on an idle host, minutes on a busy one), so no
 * database transaction is held meanwhile.
 */
@Service
public class ImageInspection {

    private static final Logger log = LoggerFactory.getLogger(ImageInspection.class);
    static final String GROUP = "image-inspection";

    private final GuestImageTools tools;
    private final CatalogService catalog;
    private final HostSchedulers schedulers;

    ImageInspection(GuestImageTools tools, CatalogService catalog, HostSchedulers schedulers) {
        this.tools = tools;
        this.catalog = catalog;
        this.schedulers = schedulers;
    }

    /** Inspects an image file before it is registered (admin image form). */
    @PreAuthorize("hasRole('ADMIN')")
    public DetectedOs inspectFile(String path) {
        return detected(tools.inspect(Path.of(path)));
    }

    /** Inspects a registered image now, records and returns the result. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImageInfo inspect(long imageId) {
        return inspectAndRecord(imageId);
    }

    /** Inspects a registered image in the background (Quartz, survives a restart). */
    @PreAuthorize("hasRole('ADMIN')")
    public void inspectLater(long imageId) {
        schedule(imageId);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.ImageRegistered event) {
        ImageInfo image = catalog.image(event.imageId());
        if (image.osName() == null || image.osName().isBlank()) {
            schedule(event.imageId());
        }
    }

    ImageInfo inspectAndRecord(long imageId) {
        ImageInfo image = catalog.image(imageId);
        DetectedOs os = detected(tools.inspect(Path.of(image.sourcePath())));
        log.info("Image {} holds {}", image.name(), os.label());
        return catalog.recordInspection(imageId, os.osName(), os.osVersion(), os.arch());
    }

    private void schedule(long imageId) {
        JobKey key = JobKey.jobKey("image-" + imageId, GROUP);
        try {
            // this host's scheduler: the image file is on this host
            schedulers.local().scheduleJob(JobBuilder.newJob(ImageInspectionJob.class).withIdentity(key)
                    .usingJobData(ImageInspectionJob.IMAGE_ID, imageId).requestRecovery(true).build(),
                    java.util.Set.of(TriggerBuilder.newTrigger().forJob(key).startNow().build()), true);
        } catch (SchedulerException e) {
            log.warn("Cannot schedule the inspection of image {}: {}", imageId, e.getMessage());
        }
    }

    private static DetectedOs detected(InspectedOs os) {
        return new DetectedOs(os.displayName(), os.version(), os.arch() == null || os.arch().equals("unknown") ? "" : os.arch());
    }
}
