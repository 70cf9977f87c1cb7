package com.virtpanel.base.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.listeners.JobListenerSupport;

/**
 * Duration and outcome of every Quartz job run, by job kind (the job class: a server's
 * operation job exists once per server, its class once). A job that throws counts as failed.
 * Prometheus: {@code virtpanel_jobs_seconds_{count,sum,max}{job,outcome}}.
 */
final class JobMetrics extends JobListenerSupport {

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String getName() {
        return "virtpanel-job-metrics";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        Timer.builder("virtpanel.jobs")
                .description("Quartz job runs by job kind and outcome (ok, failed)")
                .tags("job", context.getJobDetail().getJobClass().getSimpleName(), "outcome", failure == null ? "ok" : "failed")
                .register(registry)
                .record(context.getJobRunTime(), TimeUnit.MILLISECONDS);
    }
}
