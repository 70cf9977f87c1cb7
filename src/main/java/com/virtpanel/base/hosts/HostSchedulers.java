package com.virtpanel.base.hosts;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.stereotype.Component;

/**
 * The Quartz schedulers of the hosts, one per host name ({@code host-<name>}) in the job store the
 * global scheduler uses (Quartz keys every row by scheduler name). Work for a host is enqueued into
 * its scheduler and runs on an instance driving that host, against that host's libvirt:
 * <ul>
 * <li>this instance's host (role {@code host}): a scheduler that runs here, clustered when the
 * global one is, so two instances driving the same host share its work and take it over from each
 * other; it holds the host's periodic jobs ({@link HostJob} beans);</li>
 * <li>any other host (or this one on a web-only instance): a scheduler that is never started, made
 * once per name, through which jobs are only stored.</li>
 * </ul>
 * Both are Spring's SchedulerFactoryBean on the panel's DataSource, so a job stored inside a
 * transaction commits or rolls back with it, and jobs are made by the same autowiring job factory
 * as the global scheduler's. They are not beans of type Scheduler: the global one stays the only one.
 *
 * <p>Which periodic jobs run where (the split, in one place):
 * <ul>
 * <li>host scheduler, every host its own: fleet heartbeat, usage sampling, quota reconcile (and its
 * "now" requests), firewall reconcile, server status sync, rescue end; per request, server
 * operations, power actions and backups asked through another host's instance (on the server's
 * host, see {@link #runOnce}) and image inspections (on the host the image file is on);</li>
 * <li>global clustered scheduler, once in the cluster: mail delivery, usage rollup and prune, event
 * publication purge, reverse-DNS reconcile (PowerDNS's API), backup verification (the repository),
 * and the backup schedule's pass (the backups it starts run on their servers' hosts).</li>
 * </ul>
 */
@Component
public class HostSchedulers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HostSchedulers.class);

    private final LocalHost localHost;
    private final PanelRoles roles;
    private final Scheduler global;
    private final QuartzProperties quartz;
    private final ObjectProvider<SchedulerFactoryBeanCustomizer> customizers;
    private final ApplicationContext context;
    private final List<HostJob> jobs;
    private final SchedulerFactoryBean local;
    private final Map<String, SchedulerFactoryBean> others = new ConcurrentHashMap<>();
    private volatile boolean running;

    HostSchedulers(LocalHost localHost, PanelRoles roles, Scheduler global, QuartzProperties quartz,
            ObjectProvider<SchedulerFactoryBeanCustomizer> customizers, ApplicationContext context, ObjectProvider<HostJob> jobs) {
        this.localHost = localHost;
        this.roles = roles;
        this.global = global;
        this.quartz = quartz;
        this.customizers = customizers;
        this.context = context;
        this.jobs = roles.host() ? jobs.orderedStream().toList() : List.of();
        this.local = roles.host() ? factory(localHost.name(), true) : null;
    }

    /** The scheduler of the host named, or of this instance's host when null or blank (a server not placed yet). */
    public Scheduler of(String host) {
        String name = localHost.or(host);
        if (local != null && localHost.isLocal(name)) {
            return local.getObject();
        }
        return others.computeIfAbsent(name, n -> factory(n, false)).getObject();
    }

    /** The scheduler of this instance's host. */
    public Scheduler local() {
        return of(null);
    }

    /**
     * Stores a one-shot job in the host's scheduler, to run at once on an instance of that host
     * (in the caller's transaction when there is one). Failing to store it is a bug or a database
     * problem, not something the caller can mend: it is thrown unchecked.
     */
    public void runOnce(String host, JobDetail job) {
        try {
            of(host).scheduleJob(job, Set.of(TriggerBuilder.newTrigger().forJob(job).startNow().build()), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot hand job " + job.getKey() + " to host " + host, e);
        }
    }

    private SchedulerFactoryBean factory(String host, boolean runsHere) {
        var factory = new SchedulerFactoryBean();
        // the DataSource and transaction manager (Spring Boot's JDBC store customizer), the job metrics
        customizers.orderedStream().forEach(c -> c.customize(factory));
        var properties = new Properties();
        properties.putAll(quartz.getProperties());
        properties.setProperty("org.quartz.scheduler.instanceName", localHost.schedulerName(host));
        properties.setProperty("org.quartz.jobStore.class", InstanceDataSourceJobStore.class.getName());
        if (!runsHere) {
            properties.setProperty("org.quartz.threadPool.threadCount", "1"); // never started: no job ever runs on it
        }
        factory.setQuartzProperties(properties);
        factory.setSchedulerName(localHost.schedulerName(host));
        var jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        factory.setJobFactory(jobFactory);
        factory.setApplicationContext(context);
        factory.setOverwriteExistingJobs(true);
        factory.setWaitForJobsToCompleteOnShutdown(quartz.isWaitForJobsToCompleteOnShutdown());
        factory.setAutoStartup(false);
        if (runsHere) {
            factory.setJobDetails(jobs.stream().map(HostJob::job).toArray(org.quartz.JobDetail[]::new));
            factory.setTriggers(jobs.stream().map(HostJob::trigger).toArray(org.quartz.Trigger[]::new));
        }
        try {
            factory.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the scheduler of host " + host + ": " + e.getMessage(), e);
        }
        return factory;
    }

    @Override
    public void start() {
        forgetFromGlobal();
        if (local != null) {
            local.start();
            log.info("Host scheduler {} started with {} periodic jobs", localHost.schedulerName(localHost.name()), jobs.size());
        }
        running = true;
    }

    /**
     * Before hosts had schedulers these jobs were on the global one; left there, they would still
     * fire on any instance, against that instance's libvirt.
     */
    private void forgetFromGlobal() {
        for (HostJob job : jobs) {
            try {
                global.deleteJob(job.job().getKey());
            } catch (SchedulerException e) {
                log.warn("Could not remove {} from the global scheduler: {}", job.job().getKey(), e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (local != null) {
                local.destroy();
            }
            for (SchedulerFactoryBean other : others.values()) {
                other.destroy();
            }
        } catch (SchedulerException e) {
            log.warn("Host schedulers did not shut down cleanly: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // with the global scheduler: after everything its jobs use has started
    }
}
