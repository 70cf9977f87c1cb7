package com.virtpanel.network;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reverse DNS reconciler runs every panel.dns.reconcile-interval (first right after start-up). */
@Configuration
class ReverseDnsJobs {

    @Bean
    JobDetail reverseDnsReconcileJob() {
        return JobBuilder.newJob(ReverseDnsReconcileJob.class).withIdentity("reverse-dns-reconcile", "network")
                .storeDurably().build();
    }

    @Bean
    Trigger reverseDnsReconcileTrigger(JobDetail reverseDnsReconcileJob, DnsProperties config) {
        return TriggerBuilder.newTrigger().forJob(reverseDnsReconcileJob).withIdentity("reverse-dns-reconcile", "network")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, config.reconcileInterval().toMillis()))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
