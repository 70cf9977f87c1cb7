package com.virtpanel.network;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The firewall reconciler as a Quartz job: in a cluster, one instance runs it at a time. */
@DisallowConcurrentExecution
class FirewallReconcileJob implements Job {

    private final FirewallReconciler reconciler;

    FirewallReconcileJob(FirewallReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reconciler.pass();
    }
}
