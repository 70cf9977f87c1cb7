package com.virtpanel.backup;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clustered jobs of the backup module: the schedule's pass every
 * panel.backup.schedule.check-interval, and "verify all" every panel.backup.verify-interval
 * (staff can also start it now). The first "verify all" comes one interval after the panel starts.
 */
@Configuration
class BackupJobs {

    static final JobKey VERIFY = JobKey.jobKey("verify-all", "backup");

    @Bean
    JobDetail backupScheduleJob() {
        return JobBuilder.newJob(ScheduleJob.class).withIdentity("schedule", "backup").storeDurably().build();
    }

    @Bean
    Trigger backupScheduleTrigger(JobDetail backupScheduleJob, BackupProperties properties) {
        var every = SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(Math.max(1000, properties.schedule().checkInterval().toMillis()))
                .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount();
        // also when the schedule is off: the pass then does nothing (see ScheduledBackups#pass), and
        // the clustered job store holds the same rows whatever an instance's setting
        return TriggerBuilder.newTrigger().forJob(backupScheduleJob).withIdentity("schedule", "backup").withSchedule(every).build();
    }

    @Bean
    JobDetail backupVerifyJob() {
        return JobBuilder.newJob(VerifyJob.class).withIdentity(VERIFY).storeDurably().build();
    }

    @Bean
    Trigger backupVerifyTrigger(JobDetail backupVerifyJob, BackupProperties properties) {
        long every = Math.max(60_000, properties.verifyInterval().toMillis());
        return TriggerBuilder.newTrigger().forJob(backupVerifyJob).withIdentity("verify-all", "backup")
                .startAt(new java.util.Date(System.currentTimeMillis() + every))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every)
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /**
     * A backup asked for through an instance of another host, stored in the scheduler of the
     * server's host (see {@link BackupRunner#start}): an instance of that host, whose libvirtd
     * has the guest, runs it.
     */
    static class RunJob implements Job {

        static final String BACKUP_ID = "backupId";

        private final BackupRunner runner;

        RunJob(BackupRunner runner) {
            this.runner = runner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            runner.start(context.getMergedJobDataMap().getLong(BACKUP_ID));
        }
    }

    @DisallowConcurrentExecution
    static class ScheduleJob implements Job {

        private final ScheduledBackups schedule;

        ScheduleJob(ScheduledBackups schedule) {
            this.schedule = schedule;
        }

        @Override
        public void execute(JobExecutionContext context) {
            schedule.pass();
        }
    }

    @DisallowConcurrentExecution
    static class VerifyJob implements Job {

        private final BackupVerification verification;

        VerifyJob(BackupVerification verification) {
            this.verification = verification;
        }

        @Override
        public void execute(JobExecutionContext context) {
            verification.verifyAll();
        }
    }
}
