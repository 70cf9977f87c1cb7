package com.virtpanel.server;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz entry point: runs the pending operation of one server. One at a time per server. */
@DisallowConcurrentExecution
class ServerOperationJob implements Job {

    static final String SERVER_ID = "serverId";

    private final OperationRunner runner;

    ServerOperationJob(OperationRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.run(context.getMergedJobDataMap().getLong(SERVER_ID));
    }
}
