package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a live migration's steps run: the target prepares, the source hands the guest over, and
 * once the guest arrived the server lives on the target, where the last step runs. A failed or
 * finished move forgets the target.
 */
class MigrationStepsTest {

    static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");

    final Server server = new Server(7, "web-1", 1, 1, "vp-t-7", "10.0.0.10", "52:54:00:00:00:07", List.of(), null, null, T0);

    @Test
    void theTargetPreparesTheSourceHandsOverAndTheServerThenLivesOnTheTarget() {
        server.beginMigration("a", "b", T0);
        assertThat(server.getStatus()).isEqualTo(ServerStatus.MIGRATING);
        assertThat(server.getOperationStep()).isEqualTo(Operation.Step.PREPARE_TARGET);
        assertThat(server.stepHost()).isEqualTo("b");

        server.advance(Operation.Step.MIGRATE_GUEST, T0);
        assertThat(server.stepHost()).isEqualTo("a");

        server.arrived(T0);
        server.advance(Operation.Step.SETTLE, T0);
        assertThat(server.getHost()).isEqualTo("b");
        assertThat(server.getMigrationTarget()).isNull();
        assertThat(server.stepHost()).isEqualTo("b");
        assertThat(Operation.MIGRATE.after(Operation.Step.SETTLE)).isNull();
    }

    @Test
    void aServerWithoutAHostYetIsMovedFromTheHostItWasAdoptedOnAndAFailedMoveForgetsTheTarget() {
        assertThat(server.getHost()).isNull();
        server.beginMigration("a", "b", T0);
        assertThat(server.getHost()).isEqualTo("a");

        server.fail(com.virtpanel.base.UserMessage.of("error.host.migration-failed"), ServerStatus.RUNNING, T0);
        assertThat(server.getMigrationTarget()).isNull();
        assertThat(server.getHost()).isEqualTo("a");
        assertThat(server.stepHost()).isEqualTo("a");
        assertThat(server.getStatus()).isEqualTo(ServerStatus.RUNNING);
    }

    @Test
    void onlyTheMigrationsPreparingStepRunsOnTheTarget() {
        for (Operation.Step step : Operation.Step.values()) {
            assertThat(step.onTarget()).as(step.name()).isEqualTo(step == Operation.Step.PREPARE_TARGET);
        }
    }

    @Test
    void theCopysPercentFillsItsStepsShareOfTheWholeMove() {
        assertThat(Operation.MIGRATE.progress(Operation.Step.PREPARE_TARGET, null)).isZero();
        assertThat(Operation.MIGRATE.progress(Operation.Step.MIGRATE_GUEST, null)).isEqualTo(33);
        assertThat(Operation.MIGRATE.progress(Operation.Step.MIGRATE_GUEST, 50)).isEqualTo(50);
        assertThat(Operation.MIGRATE.progress(Operation.Step.MIGRATE_GUEST, 100)).isEqualTo(66);
        assertThat(Operation.MIGRATE.progress(Operation.Step.SETTLE, null)).isEqualTo(66);
    }
}
