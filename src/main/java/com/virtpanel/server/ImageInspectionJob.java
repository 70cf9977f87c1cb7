package com.virtpanel.server;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Quartz entry point: inspects one image in the background. */
@DisallowConcurrentExecution
class ImageInspectionJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ImageInspectionJob.class);
    static final String IMAGE_ID = "imageId";

    private final ImageInspection inspection;

    ImageInspectionJob(ImageInspection inspection) {
        this.inspection = inspection;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long imageId = context.getMergedJobDataMap().getLong(IMAGE_ID);
        try {
            inspection.inspectAndRecord(imageId);
        } catch (RuntimeException e) {
            // the image stays without OS facts; an admin can inspect it again from the image page
            log.warn("Inspecting image {} failed: {}", imageId, e.getMessage());
        }
    }
}
