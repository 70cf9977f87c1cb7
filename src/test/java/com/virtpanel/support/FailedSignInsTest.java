package com.virtpanel.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    final MutableClock clock = new MutableClock();
    final FailedSignIns failures = new FailedSignIns(clock);

    @Test
    void theFirstFailureOfAWindowIsAuditedAndTheRestBecomeOneSummaryWhenItCloses() {
        assertThat(failures.count("Victim@example.com", 7L, "203.0.113.1")).isTrue();
        for (int i = 0; i < 11; i++) {
            assertThat(failures.count("victim@example.com", 7L, "203.0.113." + (i % 2 + 1))).isFalse();
        }
        assertThat(failures.closed()).isEmpty();

        clock.advance(FailedSignIns.WINDOW);
        assertThat(failures.closed()).singleElement().satisfies(s -> {
            assertThat(s.accountId()).isEqualTo(7L);
            assertThat(s.more()).isEqualTo(11);
            assertThat(s.addresses()).containsExactly("203.0.113.1", "203.0.113.2");
            assertThat(s.detail()).startsWith("11 more failed sign-ins within 15 min");
        });
        assertThat(failures.closed()).isEmpty();
        assertThat(failures.count("victim@example.com", 7L, "203.0.113.1")).isTrue();
    }

    @Test
    void aSingleFailureNeedsNoSummary() {
        failures.count("once@example.com", null, "203.0.113.1");
        clock.advance(FailedSignIns.WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(failures.closed()).isEmpty();
    }
}
