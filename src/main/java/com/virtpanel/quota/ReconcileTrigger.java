package com.virtpanel.quota;

import com.virtpanel.base.hosts.HostSchedulers;
import com.virtpanel.catalog.CatalogEvents;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerStatus;
import java.util.function.Supplier;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the reconciler at once when limits should change: a plan was edited, a server moved
 * to another plan, or a guest (re)started and may carry its plan's plain limits while it is
 * throttled. Going through the job (not writing limits here) keeps one writer per server:
 * the job never runs twice at a time, on any instance.
 *
 * <p>Requests coalesce: there is at most one pending "soon" trigger, because one pass covers
 * every server. Each request replaces it, so a request made while a pass runs still gets a pass
 * after it, and a burst of fifty guest starts costs two passes, not fifty.
 */
@Component
class ReconcileTrigger {

    private static final Logger log = LoggerFactory.getLogger(ReconcileTrigger.class);
    static final TriggerKey SOON = TriggerKey.triggerKey("quota-reconcile-soon", QuotaJobs.RECONCILE.getGroup());

    /** This host's scheduler: the events come from the instance that changed the guest or plan. */
    private final Supplier<Scheduler> scheduler;
    private final TransactionTemplate tx;

    @Autowired
    ReconcileTrigger(HostSchedulers schedulers, PlatformTransactionManager transactions) {
        this(schedulers::local, transactions);
    }

    ReconcileTrigger(Supplier<Scheduler> scheduler, PlatformTransactionManager transactions) {
        this.scheduler = scheduler;
        // now(): after the caller's commit, the trigger row needs a transaction of its own.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // Listeners backed by the event publication registry, each in a transaction of its own (the
    // trigger row is written in it): a request lost to a crash or a scheduler that failed runs
    // again when the panel restarts, so they let failures through.

    @ApplicationModuleListener
    void on(CatalogEvents.PlanChanged event) {
        request("plan " + event.name() + " changed");
    }

    @ApplicationModuleListener
    void on(ServerEvents.PlanChanged event) {
        request("server " + event.serverId() + " changed plan");
    }

    @ApplicationModuleListener
    void on(ServerEvents.StatusChanged event) {
        if (event.status() == ServerStatus.RUNNING) {
            request("server " + event.serverId() + " is running");
        }
    }

    /**
     * For callers outside a transaction of their own (the usage listener, after its pass
     * committed), with nothing to retry: a failure is logged, and the periodic pass applies the
     * change a little later.
     */
    void now(String why) {
        try {
            tx.executeWithoutResult(t -> request(why));
        } catch (RuntimeException e) {
            log.warn("Could not start the limit reconciler at once ({}): {}", why, e.getMessage());
        }
    }

    /** Schedules a pass now, in the caller's transaction, or throws. */
    void request(String why) {
        try {
            // other hosts apply a plan change at their next periodic pass
            Scheduler scheduler = this.scheduler.get();
            Trigger soon = TriggerBuilder.newTrigger().withIdentity(SOON).forJob(QuotaJobs.RECONCILE).startNow().build();
            // Replacing a trigger that already fired (its pass is running) stores a new one;
            // Quartz then leaves it alone when that pass completes, as it has a fire time.
            if (scheduler.rescheduleJob(SOON, soon) == null) {
                scheduler.scheduleJob(soon);
            }
            log.debug("Limits are reconciled now: {}", why);
        } catch (ObjectAlreadyExistsException alreadyThere) {
            // another instance scheduled it between our two calls, which is as good
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start the limit reconciler (" + why + ")", e);
        }
    }
}
