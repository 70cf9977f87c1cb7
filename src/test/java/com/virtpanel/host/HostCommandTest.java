package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host tools run with a deadline and are read while they run. */
class HostCommandTest {

    static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void theExitCodeAndWhatTheToolPrintedComeBack() throws IOException {
        HostCommand.Result result = HostCommand.run(LONG, List.of("sh", "-c", "echo out; echo err >&2; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("out").contains("err");
        assertThatThrownBy(() -> HostCommand.check(LONG, List.of("sh", "-c", "echo nope; exit 1")))
                .isInstanceOf(IOException.class).hasMessageContaining("failed: nope");
    }

    @Test
    void aToolThatOverrunsItsDeadlineIsKilledAndReported() {
        assertThatThrownBy(() -> HostCommand.run(Duration.ofMillis(300), List.of("sleep", "30")))
                .isInstanceOf(IOException.class).hasMessageContaining("took longer than");
    }

    @Test
    void aToolPrintingMoreThanAPipeHoldsStillFinishes() throws IOException {
        HostCommand.Result result = HostCommand.run(LONG, List.of("sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x"));

        assertThat(result.ok()).isTrue();
        assertThat(result.output()).hasSize(64_000).matches("x+");
    }
}
