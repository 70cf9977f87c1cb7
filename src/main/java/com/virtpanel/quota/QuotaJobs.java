package com.virtpanel.quota;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reconciler runs every panel.quota.reconcile-interval (and at once when limits change). */
@Configuration
class QuotaJobs {

    static final JobKey RECONCILE = JobKey.jobKey("quota-reconcile", "quota");

    @Bean
    JobDetail quotaReconcileJob() {
        return JobBuilder.newJob(ReconcileJob.class).withIdentity(RECONCILE).storeDurably().build();
    }

    @Bean
    Trigger quotaReconcileTrigger(JobDetail quotaReconcileJob, QuotaProperties config) {
        return TriggerBuilder.newTrigger().forJob(quotaReconcileJob).withIdentity("quota-reconcile", "quota")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, config.reconcileInterval().toMillis()))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
