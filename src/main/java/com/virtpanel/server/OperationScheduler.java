package com.virtpanel.server;

import com.virtpanel.base.hosts.HostSchedulers;
import java.time.Duration;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.stereotype.Component;

/**
 * Puts a server's operation on Quartz's persistent schedule: the scheduler of the server's host
 * (this instance's host while it has none), so the steps run on an instance driving that host,
 * against its libvirt. The job is stored in the same database transaction as the server row
 * (Spring's Quartz job store joins it), and asks for recovery, so a panel that dies mid-operation
 * picks it up again on restart.
 */
@Component
class OperationScheduler {

    static final String GROUP = "server-operations";

    private final HostSchedulers schedulers;
    private final ServerRepository servers;

    OperationScheduler(HostSchedulers schedulers, ServerRepository servers) {
        this.schedulers = schedulers;
        this.servers = servers;
    }

    void runSoon(long serverId) {
        runLater(serverId, Duration.ZERO);
    }

    void runLater(long serverId, Duration delay) {
        JobKey key = key(serverId);
        Trigger trigger = TriggerBuilder.newTrigger()
                .forJob(key)
                .startAt(new Date(System.currentTimeMillis() + delay.toMillis()))
                .build();
        JobDetail job = JobBuilder.newJob(ServerOperationJob.class)
                .withIdentity(key)
                .usingJobData(ServerOperationJob.SERVER_ID, serverId)
                .requestRecovery(true)
                .build();
        try {
            // Store job and trigger together, replacing the job if it exists: the previous run of
            // a non-durable job may be deleting it at this very moment.
            schedulerOf(serverId).scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule the operation of server " + serverId, e);
        }
    }

    boolean isScheduled(long serverId) {
        try {
            return schedulerOf(serverId).checkExists(key(serverId));
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * The scheduler of the host where the server's current step runs (its own host, or for a
     * migration's preparing step the target). In the caller's transaction when there is one: a
     * server just ordered is found in it.
     */
    private Scheduler schedulerOf(long serverId) {
        return schedulers.of(servers.findById(serverId).map(Server::stepHost).orElse(null));
    }

    static JobKey key(long serverId) {
        return JobKey.jobKey("server-" + serverId, GROUP);
    }
}
