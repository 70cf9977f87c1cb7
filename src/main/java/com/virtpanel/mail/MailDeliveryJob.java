package com.virtpanel.mail;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz entry point: deliver what is due, then drop what is old. */
@DisallowConcurrentExecution
class MailDeliveryJob implements Job {

    private final MailDelivery delivery;

    MailDeliveryJob(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(JobExecutionContext context) {
        delivery.pass();
        delivery.cleanUp();
    }
}
