package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

/** Requests for a reconcile pass coalesce into at most one pending pass, and none is lost. */
class ReconcileTriggerTest {

    static final AtomicInteger passes = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(0);

    Scheduler scheduler;
    ReconcileTrigger trigger;

    /** Stands in for the reconciler: counts passes and, like it, never runs twice at a time. */
    @DisallowConcurrentExecution
    public static class CountingPass implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            passes.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @BeforeEach
    void scheduler() throws Exception {
        var properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "reconcile-trigger-test");
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        scheduler.addJob(JobBuilder.newJob(CountingPass.class).withIdentity(QuotaJobs.RECONCILE).storeDurably().build(), false);
        scheduler.start();
        trigger = new ReconcileTrigger(() -> scheduler, new NoTransactions());
        passes.set(0);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        scheduler.shutdown(true);
    }

    @Test
    void aBurstOfRequestsWhileAPassRunsCostsOneMorePassNotOnePerRequest() throws Exception {
        release = new CountDownLatch(1);
        trigger.now("first guest running");
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 1);

        IntStream.range(0, 50).parallel().forEach(i -> trigger.now("guest " + i + " running"));
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 2);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> scheduler.getTriggersOfJob(QuotaJobs.RECONCILE).isEmpty());
        assertThat(passes).hasValue(2);
    }

    @Test
    void aRequestAfterThePassEndedGetsAPassOfItsOwn() {
        trigger.now("one");
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.getTriggersOfJob(QuotaJobs.RECONCILE).isEmpty());
        trigger.now("two");
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 2);
    }

}
