package com.virtpanel.fleet;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

@DisallowConcurrentExecution
class HeartbeatJob implements Job {

    private final Heartbeat heartbeat;

    HeartbeatJob(Heartbeat heartbeat) {
        this.heartbeat = heartbeat;
    }

    @Override
    public void execute(JobExecutionContext context) {
        heartbeat.beat();
    }
}
