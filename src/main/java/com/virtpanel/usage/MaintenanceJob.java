package com.virtpanel.usage;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz entry point: roll up complete buckets, then prune what is past its retention. */
@DisallowConcurrentExecution
class MaintenanceJob implements Job {

    private final Rollups rollups;
    private final Retention retention;

    MaintenanceJob(Rollups rollups, Retention retention) {
        this.rollups = rollups;
        this.retention = retention;
    }

    @Override
    public void execute(JobExecutionContext context) {
        rollups.rollUp();
        retention.prune();
    }
}
