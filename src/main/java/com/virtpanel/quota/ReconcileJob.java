package com.virtpanel.quota;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The reconciler as a Quartz job: in a cluster, one instance runs it at a time. */
@DisallowConcurrentExecution
class ReconcileJob implements Job {

    private final Reconciler reconciler;

    ReconcileJob(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reconciler.pass();
    }
}
