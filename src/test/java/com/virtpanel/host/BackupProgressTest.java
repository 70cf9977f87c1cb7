package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A backup job's processed and total bytes as the percentage the customer sees. */
class BackupProgressTest {

    @Test
    void roundsDownAndReaches100OnlyWhenAllIsCopied() {
        assertThat(GuestBackups.percent(0, 1000)).isZero();
        assertThat(GuestBackups.percent(420, 1000)).isEqualTo(42);
        assertThat(GuestBackups.percent(29, 100)).isEqualTo(29);
        assertThat(GuestBackups.percent(999, 1000)).isEqualTo(99);
        assertThat(GuestBackups.percent(1000, 1000)).isEqualTo(100);
    }

    @Test
    void aJobThatDoesNotKnowItsTotalYetIsAtZero() {
        assertThat(GuestBackups.percent(0, 0)).isZero();
        assertThat(GuestBackups.percent(4096, 0)).isZero();
        assertThat(GuestBackups.percent(-1, -1)).isZero();
    }

    @Test
    void neverPassesTheBoundsEvenForHugeOrOvershootingCounts() {
        assertThat(GuestBackups.percent(2000, 1000)).isEqualTo(100);
        long huge = Long.MAX_VALUE / 10;
        assertThat(GuestBackups.percent(huge / 2, huge)).isEqualTo(50);
        assertThat(GuestBackups.percent(huge - 1, huge)).isEqualTo(99);
    }
}
