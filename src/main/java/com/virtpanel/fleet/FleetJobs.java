package com.virtpanel.fleet;

import com.virtpanel.base.hosts.HostJob;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heartbeat, a job of the host scheduler: each host's instances beat for it, in the host's own
 * scheduler. "Down" is not a job: it is computed from last_heartbeat when hosts are read, so no
 * instance has to be alive to mark another one down.
 */
@Configuration
class FleetJobs {

    @Bean
    HostJob heartbeatJob(Heartbeat heartbeat, FleetProperties fleet) {
        JobDetail job = JobBuilder.newJob(HeartbeatJob.class).withIdentity("heartbeat-" + heartbeat.localName(), "fleet")
                .storeDurably().build();
        return new HostJob(job, TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getKey().getName(), "fleet")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, fleet.heartbeatInterval().toMillis())).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
    }
}
