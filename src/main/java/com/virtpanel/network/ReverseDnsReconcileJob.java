package com.virtpanel.network;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The reverse DNS reconciler as a Quartz job: in a cluster, one instance runs it at a time. */
@DisallowConcurrentExecution
class ReverseDnsReconcileJob implements Job {

    private final ReverseDnsReconciler reconciler;

    ReverseDnsReconcileJob(ReverseDnsReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reconciler.pass();
    }
}
