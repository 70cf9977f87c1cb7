package com.virtpanel.server;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

@DisallowConcurrentExecution
class RescueEndJob implements Job {

    private final RescueEnd rescueEnd;

    RescueEndJob(RescueEnd rescueEnd) {
        this.rescueEnd = rescueEnd;
    }

    @Override
    public void execute(JobExecutionContext context) {
        rescueEnd.endDue();
    }
}
