package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.server.ServerStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The API spells every status it can show from the contract's list, "deleted" included. */
class ServerJsonStatusTest {

    @Test
    void aServerDeletedBeforeItsAnswerWasWrittenStillReadsDeleting() {
        assertThat(ServerJsonFactory.status(ServerStatus.DELETED)).isEqualTo("deleting");
    }

    @Test
    void everyOtherStatusIsItsOwnApiName() {
        assertThat(Arrays.stream(ServerStatus.values()).filter(s -> s != ServerStatus.DELETED).map(ServerJsonFactory::status))
                .containsExactly("provisioning", "running", "stopped", "rebooting", "reinstalling", "deleting", "failed",
                        "queued", "rescue", "restoring", "migrating", "unreachable");
    }
}
