package com.virtpanel.base.hosts;

import org.quartz.JobDetail;
import org.quartz.Trigger;

/**
 * A periodic job of the host role: declared as a bean of this type (not as a JobDetail and Trigger,
 * which Spring Boot puts on the global scheduler) so that {@link HostSchedulers} stores it in the
 * local host's scheduler, and every host runs its own.
 */
public record HostJob(JobDetail job, Trigger trigger) {
}
