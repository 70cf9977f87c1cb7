package com.virtpanel.fleet;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heartbeat, one job per host name: instances driving different hosts each keep their own
 * trigger in the clustered store. "Down" is not a job: it is computed from last_heartbeat when
 * hosts are read, so no instance has to be alive to mark another one down.
 */
@Configuration
class FleetJobs {

    @Bean
    JobDetail heartbeatJob(Heartbeat heartbeat) {
        return JobBuilder.newJob(HeartbeatJob.class).withIdentity("heartbeat-" + heartbeat.localName(), "fleet")
                .storeDurably().build();
    }

    @Bean
    Trigger heartbeatTrigger(JobDetail heartbeatJob, FleetProperties fleet) {
        return TriggerBuilder.newTrigger().forJob(heartbeatJob).withIdentity(heartbeatJob.getKey().getName(), "fleet")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, fleet.heartbeatInterval().toMillis())).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
