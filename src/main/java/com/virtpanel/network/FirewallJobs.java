package com.virtpanel.network;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The firewall reconciler runs every panel.firewall.reconcile-interval. */
@Configuration
class FirewallJobs {

    @Bean
    JobDetail firewallReconcileJob() {
        return JobBuilder.newJob(FirewallReconcileJob.class).withIdentity("firewall-reconcile", "network")
                .storeDurably().build();
    }

    @Bean
    Trigger firewallReconcileTrigger(JobDetail firewallReconcileJob, FirewallProperties config) {
        return TriggerBuilder.newTrigger().forJob(firewallReconcileJob).withIdentity("firewall-reconcile", "network")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, config.reconcileInterval().toMillis()))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
