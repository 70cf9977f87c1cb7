package com.virtpanel.quota;

import com.virtpanel.base.hosts.HostJob;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reconciler runs every panel.quota.reconcile-interval (and at once when limits change), on each host. */
@Configuration
class QuotaJobs {

    static final JobKey RECONCILE = JobKey.jobKey("quota-reconcile", "quota");

    @Bean
    HostJob quotaReconcileJob(QuotaProperties config) {
        JobDetail job = JobBuilder.newJob(ReconcileJob.class).withIdentity(RECONCILE).storeDurably().build();
        return new HostJob(job, TriggerBuilder.newTrigger().forJob(job).withIdentity("quota-reconcile", "quota")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, config.reconcileInterval().toMillis()))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }
}
