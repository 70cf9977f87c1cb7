package com.virtpanel.server;

import com.virtpanel.base.hosts.HostSchedulers;
import com.virtpanel.host.Domains;
import com.virtpanel.host.Volumes;
import java.util.UUID;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A move that failed before the guest switched over leaves files on the target: the seed written
 * for its arrival, and a disk libvirt created there for the copy. The server stays where it was, so
 * they go: a one-shot job in the target host's scheduler removes them on an instance of that host,
 * unless a guest of that name is defined there after all (then it is the only copy, and stays).
 */
@Component
class MoveLeftovers {

    static final String GROUP = "server-move-leftovers";
    static final String DOMAIN = "domain";

    private static final Logger log = LoggerFactory.getLogger(MoveLeftovers.class);

    private final HostSchedulers schedulers;

    MoveLeftovers(HostSchedulers schedulers) {
        this.schedulers = schedulers;
    }

    void removeFrom(String target, String domain) {
        try {
            schedulers.runOnce(target, JobBuilder.newJob(RemoveJob.class)
                    .withIdentity("leftovers-" + domain + "-" + UUID.randomUUID(), GROUP)
                    .usingJobData(DOMAIN, domain)
                    .build());
        } catch (RuntimeException e) {
            // the failed move is dealt with all the same: only files on the target stay behind
            log.warn("Files of {} on {} after its failed move not handed over for removal: {}", domain, target, e.getMessage());
        }
    }

    /** On the target host: the guest's volumes there, unless the guest is. */
    static class RemoveJob implements Job {

        private static final Logger log = LoggerFactory.getLogger(RemoveJob.class);

        private final Domains domains;
        private final Volumes volumes;

        RemoveJob(Domains domains, Volumes volumes) {
            this.domains = domains;
            this.volumes = volumes;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String domain = context.getMergedJobDataMap().getString(DOMAIN);
            try {
                if (domains.exists(domain)) {
                    log.warn("{} is defined on this host after its failed move: its files here are kept", domain);
                    return;
                }
                for (String volume : volumes.ofGuest(domain)) {
                    volumes.delete(volume);
                    log.info("{} removed: left by the failed move of {} to this host", volume, domain);
                }
            } catch (RuntimeException e) {
                log.warn("Files of {} left on this host by its failed move not removed: {}", domain, e.getMessage());
            }
        }
    }
}
