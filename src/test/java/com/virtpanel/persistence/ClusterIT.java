package com.virtpanel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerEvents;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.OrderingPanel;
import com.virtpanel.testkit.PostgresSchema;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import com.virtpanel.usage.UsageEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Two panel instances on one PostgreSQL database, Quartz clustered: a provisioning job and each
 * usage sampling pass run on exactly one of them, and when the instance running a job dies,
 * the other one finishes it.
 */
class ClusterIT {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    /** Sampling passes that stored usage, from either instance: when each started. */
    private final List<Instant> samplingPasses = new CopyOnWriteArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        processes.forEach(Process::destroyForcibly);
        if (!instances.isEmpty()) {
            instances.get(0).getBean(Guests.class).removeAll();
        }
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aProvisioningJobRunsOnExactlyOneInstance() {
        DemoImage.require();
        String schema = PostgresSchema.newSchema();
        var provisioned = new CopyOnWriteArrayList<String>();
        var a = start(schema, "a", provisioned);
        // The order goes through the instance started last. Two panels in one JVM share Quartz's
        // JVM-wide DBConnectionManager, keyed by the scheduler name that clustering makes equal:
        // the last one started owns the job store's transactional data source. Ordered through
        // the other one, the operation's job would be stored outside the order's transaction,
        // visible before the server row, and could run (and find nothing to do) before it commits.
        // Separate processes, as in production, have no such overlap.
        var b = start(schema, "b", provisioned);

        var owner = b.getBean(AccountService.class).signUp("cluster-" + System.nanoTime() + "@example.com", Users.PASSWORD);
        com.virtpanel.testkit.VerifiedEmails.verify(b.getBean(org.springframework.jdbc.core.JdbcTemplate.class), owner.email());
        ServerInfo ordered = Users.as(owner, () -> b.getBean(ServerOrders.class).order(new OrderRequest("clustered", "nano",
                "demo", List.of(com.virtpanel.testkit.TestKeys.ED25519), null, null)));
        Await.until("the server to run", Duration.ofSeconds(180),
                () -> Users.as(owner, () -> a.getBean(ServerService.class).get(ordered.id()).status()), s -> s == ServerStatus.RUNNING);
        Await.sleep(5000);
        assertThat(provisioned).hasSize(1);
        assertThat(Shell.virsh("list", "--name")).containsOnlyOnce(ordered.domain());

        // Every 10 s one pass samples the guest: were both instances sampling, passes would come in
        // pairs and four of them would span about 10 s; from one instance they span about 30 s. A
        // pass held up by a stalled machine runs late and the next on time, so one gap may be short:
        // the span, not each gap, tells the two apart.
        Await.until("four sampling passes", Duration.ofSeconds(120), samplingPasses::size, n -> n >= 4);
        List<Instant> passes = samplingPasses.stream().sorted().toList().subList(0, 4);
        assertThat(Duration.between(passes.get(0), passes.get(3))).as("passes %s", passes)
                .isGreaterThan(Duration.ofSeconds(15));
    }

    @Test
    void whenTheInstanceRunningAJobDiesTheOtherFinishesIt() throws Exception {
        DemoImage.require();
        String schema = PostgresSchema.newSchema();
        var provisioned = new CopyOnWriteArrayList<String>();
        var survivor = start(schema, "survivor", provisioned);

        Process doomed = OrderingPanel.start(args(schema));
        processes.add(doomed);
        long[] ordered = OrderingPanel.awaitOrder(doomed);
        Thread.sleep(300);
        doomed.destroyForcibly();
        doomed.waitFor(30, TimeUnit.SECONDS);

        long serverId = ordered[0];
        var owner = survivor.getBean(AccountService.class).get(ordered[1]);
        ServerInfo running = Await.until("the surviving instance to finish the order", Duration.ofSeconds(240),
                () -> Users.as(owner, () -> survivor.getBean(ServerService.class).get(serverId)),
                s -> s.status() == ServerStatus.RUNNING);
        assertThat(Shell.virsh("list", "--name")).containsOnlyOnce(running.domain());
        assertThat(survivor.getBean(Guests.class).awaitSerial(running.domain(), "virtpanel-demo ready")).contains("hostname=survivor");
    }

    private ConfigurableApplicationContext start(String schema, String name, List<String> provisioned) {
        var context = new SpringApplicationBuilder(VirtpanelApplication.class)
                // typed by instanceof, not by the lambda's generics (which Modulith's multicaster does not resolve)
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    Object payload = event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : null;
                    if (payload instanceof ServerEvents.Provisioned p) {
                        provisioned.add(name + ":" + p.serverId());
                    }
                    if (payload instanceof UsageEvents.Sampled pass && !pass.servers().isEmpty()) {
                        samplingPasses.add(pass.at());
                    }
                })
                .run(args(schema));
        instances.add(context);
        return context;
    }

    private static String[] args(String schema) {
        return new String[] {"--spring.profiles.active=test,postgres", "--server.port=0",
                "--spring.datasource.url=" + PostgresSchema.urlFor(schema),
                "--spring.datasource.username=" + PostgresSchema.user(),
                "--spring.datasource.password=" + PostgresSchema.password(),
                "--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema,
                // cluster members share one scheduler name; the schema makes it unique to this test
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=cluster-" + schema,
                "--panel.host.scheduler-prefix=cluster-" + schema + "-host-"};
    }
}
