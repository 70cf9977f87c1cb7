package com.virtpanel.usage;

import com.virtpanel.base.hosts.HostJob;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The usage module's recurring jobs. Missed firings are skipped, not caught up: a pass run
 * late measures the whole time since the last one, and more than 2.5 intervals is a gap.
 */
@Configuration
class UsageJobs {

    /** Each host samples its own guests. */
    @Bean
    HostJob usageSamplingJob(UsageProperties properties) {
        JobDetail job = JobBuilder.newJob(SamplingJob.class).withIdentity("sampling", "usage").storeDurably().build();
        return new HostJob(job, TriggerBuilder.newTrigger().forJob(job).withIdentity("sampling", "usage")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.interval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }

    /** Rollup and prune work on the database only: once in the cluster. */
    @Bean
    JobDetail usageMaintenanceJob() {
        return JobBuilder.newJob(MaintenanceJob.class).withIdentity("rollup-and-prune", "usage").storeDurably().build();
    }

    @Bean
    Trigger usageMaintenanceTrigger(JobDetail usageMaintenanceJob, UsageProperties properties) {
        return TriggerBuilder.newTrigger().forJob(usageMaintenanceJob).withIdentity("rollup-and-prune", "usage")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.rollupEvery().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
