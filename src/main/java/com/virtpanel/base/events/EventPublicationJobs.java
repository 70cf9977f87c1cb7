package com.virtpanel.base.events;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event publication registry's housekeeping: completed publications are purged hourly (one instance in a cluster). */
@Configuration
class EventPublicationJobs {

    @Bean
    JobDetail publicationPurgeJob() {
        return JobBuilder.newJob(PublicationPurgeJob.class).withIdentity("purge-completed", "event-publications")
                .storeDurably().build();
    }

    @Bean
    Trigger publicationPurgeTrigger(JobDetail publicationPurgeJob) {
        return TriggerBuilder.newTrigger().forJob(publicationPurgeJob).withIdentity("purge-completed", "event-publications")
                .withSchedule(SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
