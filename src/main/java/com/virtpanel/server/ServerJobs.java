package com.virtpanel.server;

import com.virtpanel.base.hosts.HostJob;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server module's recurring jobs, on each host (they read and change its guests). */
@Configuration
class ServerJobs {

    @Bean
    HostJob statusSyncJob() {
        JobDetail job = JobBuilder.newJob(StatusSyncJob.class).withIdentity("status-sync", "server").storeDurably().build();
        return new HostJob(job, TriggerBuilder.newTrigger().forJob(job).withIdentity("status-sync", "server")
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(15).withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }

    @Bean
    HostJob rescueEndJob(RescueProperties rescue) {
        JobDetail job = JobBuilder.newJob(RescueEndJob.class).withIdentity("rescue-end", "server").storeDurably().build();
        return new HostJob(job, TriggerBuilder.newTrigger().forJob(job).withIdentity("rescue-end", "server")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, rescue.checkInterval().toMillis())).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }
}
