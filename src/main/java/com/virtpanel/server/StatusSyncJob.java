package com.virtpanel.server;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

@DisallowConcurrentExecution
class StatusSyncJob implements Job {

    private final StatusSync sync;

    StatusSyncJob(StatusSync sync) {
        this.sync = sync;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sync.syncAll();
    }
}
