package com.virtpanel.server;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server module's recurring jobs. */
@Configuration
class ServerJobs {

    @Bean
    JobDetail statusSyncJob() {
        return JobBuilder.newJob(StatusSyncJob.class).withIdentity("status-sync", "server").storeDurably().build();
    }

    @Bean
    Trigger statusSyncTrigger(JobDetail statusSyncJob) {
        return TriggerBuilder.newTrigger().forJob(statusSyncJob).withIdentity("status-sync", "server")
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(15).withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Bean
    JobDetail rescueEndJob() {
        return JobBuilder.newJob(RescueEndJob.class).withIdentity("rescue-end", "server").storeDurably().build();
    }

    @Bean
    Trigger rescueEndTrigger(JobDetail rescueEndJob, RescueProperties rescue) {
        return TriggerBuilder.newTrigger().forJob(rescueEndJob).withIdentity("rescue-end", "server")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, rescue.checkInterval().toMillis())).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
