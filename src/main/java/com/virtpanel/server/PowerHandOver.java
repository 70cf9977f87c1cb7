package com.virtpanel.server;

import com.virtpanel.base.hosts.HostSchedulers;
import java.util.UUID;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a power action on a server of another host to an instance of that host, whose libvirtd
 * has the guest: a one-shot job in that host's scheduler, run at once there. The instance that
 * took the request has checked and recorded it already.
 */
@Component
class PowerHandOver {

    static final String GROUP = "server-power";
    static final String SERVER_ID = "serverId";
    static final String POWER = "power";

    private final HostSchedulers schedulers;

    PowerHandOver(HostSchedulers schedulers) {
        this.schedulers = schedulers;
    }

    void toHostOf(Server server, ServerPower.Power power) {
        JobDetail job = JobBuilder.newJob(PowerJob.class)
                .withIdentity("power-" + server.getId() + "-" + UUID.randomUUID(), GROUP)
                .usingJobData(SERVER_ID, server.getId())
                .usingJobData(POWER, power.name())
                .build();
        schedulers.runOnce(server.getHost(), job);
    }

    /** On the server's host: the power action itself; a failure is logged, the status stays what the guest says. */
    static class PowerJob implements Job {

        private static final Logger log = LoggerFactory.getLogger(PowerJob.class);

        private final ServerPower power;

        PowerJob(ServerPower power) {
            this.power = power;
        }

        @Override
        public void execute(JobExecutionContext context) {
            long id = context.getMergedJobDataMap().getLong(SERVER_ID);
            ServerPower.Power action = ServerPower.Power.valueOf(context.getMergedJobDataMap().getString(POWER));
            try {
                power.performHandedOver(id, action);
            } catch (RuntimeException e) {
                log.warn("Server {}: {} handed over from another instance failed: {}", id, action, e.getMessage());
            }
        }
    }
}
