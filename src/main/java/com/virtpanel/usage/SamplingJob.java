package com.virtpanel.usage;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Quartz entry point of the sampling pass; one at a time across the cluster. */
@DisallowConcurrentExecution
class SamplingJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(SamplingJob.class);
    /** Logged once per outage, not every few seconds while the host is away. */
    private static volatile boolean failing;

    private final UsageSampler sampler;

    SamplingJob(UsageSampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            sampler.sampleNow();
            if (failing) {
                log.info("Usage sampling works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Usage sampling failed, the graphs get a gap until it works again: {}", e.getMessage());
                failing = true;
            } else {
                log.debug("Usage sampling still failing: {}", e.getMessage());
            }
        }
    }
}
