package com.virtpanel.mail;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox is delivered every panel.mail.poll-interval. */
@Configuration
class MailJobs {

    @Bean
    JobDetail mailDeliveryJob() {
        return JobBuilder.newJob(MailDeliveryJob.class).withIdentity("mail-delivery", "mail").storeDurably().build();
    }

    @Bean
    Trigger mailDeliveryTrigger(JobDetail mailDeliveryJob, MailProperties properties) {
        return TriggerBuilder.newTrigger().forJob(mailDeliveryJob).withIdentity("mail-delivery", "mail")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(500, properties.pollInterval().toMillis()))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
