package com.virtpanel.fleet;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

@DisallowConcurrentExecution
class HeartbeatJob implements Job {

    private final Heartbeat heartbeat;
    private final DownWatch watch;

    HeartbeatJob(Heartbeat heartbeat, DownWatch watch) {
        this.heartbeat = heartbeat;
        this.watch = watch;
    }

    /** This host's heartbeat, then a look at every host: the live instances between them note the others going down. */
    @Override
    public void execute(JobExecutionContext context) {
        try {
            heartbeat.beat();
        } finally {
            watch.look();
        }
    }
}
