package com.virtpanel.network;

import com.virtpanel.base.hosts.HostJob;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The firewall reconciler runs every panel.firewall.reconcile-interval, on each host (its nftables). */
@Configuration
class FirewallJobs {

    @Bean
    HostJob firewallReconcileJob(FirewallProperties config) {
        JobDetail job = JobBuilder.newJob(FirewallReconcileJob.class).withIdentity("firewall-reconcile", "network")
                .storeDurably().build();
        return new HostJob(job, TriggerBuilder.newTrigger().forJob(job).withIdentity("firewall-reconcile", "network")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, config.reconcileInterval().toMillis()))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }
}
