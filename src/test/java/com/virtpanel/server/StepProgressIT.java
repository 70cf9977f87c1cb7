package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A migration's copy shows as progress within its step: noted on the server's row by the host
 * instance that runs the step, read by whichever instance serves the page or the API. The row is
 * a server moving between made-up hosts, so no instance's jobs touch it; nothing here reaches libvirt.
 */
@IntegrationTest
class StepProgressIT {

    static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");

    @Autowired StepProgress stepProgress;
    @Autowired OperationGate gate;
    @Autowired ServerRepository servers;
    @Autowired ServerInfos infos;
    @Autowired CatalogService catalog;
    @Autowired Users users;
    @Autowired JdbcTemplate db;
    @Autowired PlatformTransactionManager transactions;

    long id;

    @AfterEach
    void removeTheRow() {
        db.update("UPDATE server SET operation = NULL, status = 'DELETED', active_name = NULL WHERE id = ?", id);
    }

    @Test
    void theCopysPercentShowsWithinItsStepAndGoesWithTheStep() {
        AccountSummary owner = users.newCustomer();
        long plan = Users.as(owner, () -> catalog.orderablePlan("nano").id());
        long image = Users.as(owner, () -> catalog.orderableImage("demo").id());
        Server server = new Server(owner.id(), "moving", plan, image, "vp-moving-" + System.nanoTime() % 100000, null,
                "52:54:02:00:00:01", List.of(), null, null, T0);
        server.placeOn("progress-a");
        server.beginMigration("progress-a", "progress-b", T0);
        server.advance(Operation.Step.MIGRATE_GUEST, T0);
        id = servers.saveAndFlush(server).getId();
        assertThat(gate.admit(id)).as("a slot on its host: running, not in line").isTrue();
        assertThat(progress()).as("the second of three steps, just begun").isEqualTo(33);

        // the copy reports as it goes; ten notes at once all land without a failure
        Together.run(10, i -> {
            stepProgress.note(id, Operation.Step.MIGRATE_GUEST, 50 + i);
            return null;
        });
        assertThat(progress()).isBetween((100 + 50) / 3, (100 + 59) / 3);

        // a late note of a step that is over changes nothing, and the next step begins afresh
        new TransactionTemplate(transactions).executeWithoutResult(t -> servers.findById(id).orElseThrow()
                .advance(Operation.Step.SETTLE, T0));
        stepProgress.note(id, Operation.Step.MIGRATE_GUEST, 99);
        assertThat(progress()).isEqualTo(66);
        assertThat(db.queryForObject("SELECT step_percent FROM server WHERE id = ?", Integer.class, id)).isNull();
    }

    private int progress() {
        return new TransactionTemplate(transactions).execute(t -> infos.of(servers.findById(id).orElseThrow())).progress();
    }
}
