package com.virtpanel.base.events;

import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * Forgets event publications whose listeners completed more than a day ago. The registry keeps
 * them for a while (what ran, when), but nothing reads them after that, and the table would
 * otherwise grow by a row per event and listener forever. Incomplete ones are never purged.
 */
@DisallowConcurrentExecution
class PublicationPurgeJob implements Job {

    static final Duration KEEP = Duration.ofDays(1);

    private final CompletedEventPublications completed;

    PublicationPurgeJob(CompletedEventPublications completed) {
        this.completed = completed;
    }

    @Override
    public void execute(JobExecutionContext context) {
        completed.deletePublicationsOlderThan(KEEP);
    }
}
