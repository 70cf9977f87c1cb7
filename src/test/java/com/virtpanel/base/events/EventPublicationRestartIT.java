package com.virtpanel.base.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.PostgresSchema;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry on both databases, across a real restart of the panel: a
 * listener that succeeded leaves a completed publication; one that threw leaves an incomplete
 * publication, which the next start of the panel (on the same database) runs again to completion;
 * the purge job forgets publications completed over a day ago and keeps incomplete ones.
 */
class EventPublicationRestartIT {

    /** An event only this test publishes. */
    public record Ping(String id) {
    }

    /** A module listener that fails for "fail-" pings while {@link #failing} is set; records what it heard, per instance. */
    public static class FlakyListener {

        static final Set<String> heard = ConcurrentHashMap.newKeySet();
        static volatile boolean failing;

        private final String instance;

        public FlakyListener(org.springframework.core.env.Environment environment) {
            this.instance = environment.getProperty("test.instance", "?");
        }

        @ApplicationModuleListener
        void on(Ping ping) {
            heard.add(instance + ":" + ping.id());
            if (failing && ping.id().startsWith("fail-")) {
                throw new IllegalStateException("the listener fails on purpose");
            }
        }
    }

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeEach
    void reset() {
        FlakyListener.heard.clear();
        FlakyListener.failing = true;
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void onH2AFailedListenerIsRunAgainWhenThePanelRestarts() {
        String url = "jdbc:h2:mem:vp-events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        provesCompletionAndRepublishing(url, "sa", "", "test");
    }

    @Test
    void onPostgresqlAFailedListenerIsRunAgainWhenThePanelRestarts() {
        String schema = PostgresSchema.newSchema();
        provesCompletionAndRepublishing(PostgresSchema.urlFor(schema), PostgresSchema.user(), PostgresSchema.password(),
                "test,postgres", "--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema);
    }

    private void provesCompletionAndRepublishing(String url, String user, String password, String profiles, String... more) {
        String ok = "ok-" + UUID.randomUUID();
        String fail = "fail-" + UUID.randomUUID();

        ConfigurableApplicationContext first = start("first", url, user, password, profiles, more);
        first.getBean(TransactionTemplate.class).executeWithoutResult(t -> {
            first.publishEvent(new Ping(ok));
            first.publishEvent(new Ping(fail));
        });
        Await.until("both pings heard", Duration.ofSeconds(60), () -> FlakyListener.heard,
                h -> h.containsAll(List.of("first:" + ok, "first:" + fail)));
        JdbcTemplate db = first.getBean(JdbcTemplate.class);
        Await.until("the successful listener's publication to be completed", Duration.ofSeconds(30),
                () -> completed(db, ok), done -> done);
        assertThat(published(db, fail)).as("the failed listener's publication is stored").isEqualTo(1);
        assertThat(completed(db, fail)).as("and not completed").isFalse();
        first.close();

        // The panel restarts on the same database; the listener works again.
        FlakyListener.failing = false;
        ConfigurableApplicationContext second = start("second", url, user, password, profiles, more);
        Await.until("the failed ping to be heard again after the restart", Duration.ofSeconds(60),
                () -> FlakyListener.heard, h -> h.contains("second:" + fail));
        JdbcTemplate again = second.getBean(JdbcTemplate.class);
        Await.until("the republished publication to be completed", Duration.ofSeconds(30),
                () -> completed(again, fail), done -> done);
        assertThat(FlakyListener.heard).as("a completed publication is not run again").doesNotContain("second:" + ok);
        assertThat(published(again, fail)).isEqualTo(1);

        // The hourly purge forgets publications completed over a day ago, never incomplete ones.
        String oldDone = "old-done-" + UUID.randomUUID();
        String oldUndone = "old-undone-" + UUID.randomUUID();
        Timestamp twoDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
        insert(again, oldDone, twoDaysAgo, twoDaysAgo);
        insert(again, oldUndone, twoDaysAgo, null);
        try {
            second.getBean(Scheduler.class).triggerJob(JobKey.jobKey("purge-completed", "event-publications"));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
        Await.until("the old completed publication to be purged", Duration.ofSeconds(60), () -> published(again, oldDone),
                n -> n == 0);
        assertThat(published(again, oldUndone)).as("an incomplete publication stays, however old").isEqualTo(1);
        assertThat(completed(again, ok)).as("a publication completed today stays").isTrue();
    }

    /** A publication row as the registry writes it, for a listener this panel does not have. */
    private static void insert(JdbcTemplate db, String id, Timestamp published, Timestamp completed) {
        db.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date)"
                + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), "test.gone-listener", Ping.class.getName(),
                "{\"id\":\"" + id + "\"}", published, completed);
    }

    private ConfigurableApplicationContext start(String instance, String url, String user, String password, String profiles,
            String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profiles, "--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--test.instance=" + instance));
        args.addAll(List.of(more));
        var context = new SpringApplicationBuilder(VirtpanelApplication.class, FlakyListener.class).run(args.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    private static int published(JdbcTemplate db, String id) {
        return db.queryForObject("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?", Integer.class,
                "%" + id + "%");
    }

    private static boolean completed(JdbcTemplate db, String id) {
        return db.queryForObject("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL",
                Integer.class, "%" + id + "%") == 1;
    }
}
