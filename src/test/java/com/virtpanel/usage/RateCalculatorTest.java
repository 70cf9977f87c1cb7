package com.virtpanel.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateCalculatorTest {

    static final Duration MAX_GAP = Duration.ofSeconds(25);
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    static Counters reading(long boot, Instant at, long cpuNs, long rdB, long wrB, long rdOps, long wrOps, long rx, long tx) {
        return new Counters(1, boot, at, cpuNs, rdB, wrB, rdOps, wrOps, rx, tx);
    }

    @Test
    void twoReadingsTenSecondsApartGiveRatesPerSecond() {
        var before = reading(7, T0, 1_000_000_000L, 0, 0, 0, 0, 1000, 2000);
        // 5 s of CPU in 10 s = 50 %; 10 MB read, 20 MB written; 100 / 300 ops; 1.25 MB in, 2.5 MB out
        var after = reading(7, T0.plusSeconds(10), 6_000_000_000L, 10_000_000, 20_000_000, 100, 300, 1_251_000, 2_502_000);

        var step = RateCalculator.step(before, after, MAX_GAP);

        assertThat(step.gap()).isFalse();
        assertThat(step.seconds()).isEqualTo(10.0);
        Rates r = step.rates();
        assertThat(r.cpuPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(r.diskReadBytesPerSec()).isCloseTo(1_000_000, within(1e-6));
        assertThat(r.diskWriteBytesPerSec()).isCloseTo(2_000_000, within(1e-6));
        assertThat(r.diskReadOpsPerSec()).isCloseTo(10, within(1e-9));
        assertThat(r.diskWriteOpsPerSec()).isCloseTo(30, within(1e-9));
        assertThat(r.netRxBitsPerSec()).isCloseTo(1_000_000, within(1e-6));
        assertThat(r.netTxBitsPerSec()).isCloseTo(2_000_000, within(1e-6));
        assertThat(step.rxBytes()).isEqualTo(1_250_000);
        assertThat(step.txBytes()).isEqualTo(2_500_000);
    }

    @Test
    void aTwoVcpuServerBusyOnBothShowsTwoHundredPercent() {
        var before = reading(7, T0, 0, 0, 0, 0, 0, 0, 0);
        var after = reading(7, T0.plusSeconds(10), 20_000_000_000L, 0, 0, 0, 0, 0, 0);
        assertThat(RateCalculator.step(before, after, MAX_GAP).rates().cpuPercent()).isCloseTo(200, within(1e-9));
    }

    @Test
    void aNewBootIdIsAGapButItsTrafficSinceStartCounts() {
        var before = reading(7, T0, 9_000_000_000L, 5_000_000, 5_000_000, 50, 50, 900_000, 800_000);
        var after = reading(8, T0.plusSeconds(10), 2_000_000_000L, 1_000_000, 0, 10, 0, 3_000, 4_000);

        var step = RateCalculator.step(before, after, MAX_GAP);

        assertThat(step.gap()).isTrue();
        assertThat(step.skip()).isFalse();
        assertThat(step.rxBytes()).isEqualTo(3_000);
        assertThat(step.txBytes()).isEqualTo(4_000);
    }

    @Test
    void aCounterGoingDownWithTheSameBootIsAGapNotANegativeRate() {
        var before = reading(7, T0, 9_000_000_000L, 5_000_000, 5_000_000, 50, 50, 900_000, 800_000);
        var after = reading(7, T0.plusSeconds(10), 9_500_000_000L, 5_000_000, 5_000_000, 50, 50, 1_000, 800_500);

        var step = RateCalculator.step(before, after, MAX_GAP);

        assertThat(step.gap()).isTrue();
        // rx was reset (an interface re-plugged): the 1 000 bytes since are counted, tx as usual
        assertThat(step.rxBytes()).isEqualTo(1_000);
        assertThat(step.txBytes()).isEqualTo(500);
    }

    @Test
    void readingsMoreThanTwoAndAHalfIntervalsApartLeaveAGapButCountTraffic() {
        var before = reading(7, T0, 0, 0, 0, 0, 0, 0, 0);
        var after = reading(7, T0.plusSeconds(26), 1_000_000_000L, 0, 0, 0, 0, 5_000, 6_000);

        var step = RateCalculator.step(before, after, MAX_GAP);

        assertThat(step.gap()).isTrue();
        assertThat(step.rxBytes()).isEqualTo(5_000);
        assertThat(step.txBytes()).isEqualTo(6_000);
    }

    @Test
    void theFirstReadingOfAServerIsAGapAndItsCountersAreItsTrafficSoFar() {
        var first = reading(3, T0, 1_000_000_000L, 0, 0, 0, 0, 700, 300);

        var step = RateCalculator.step(null, first, MAX_GAP);

        assertThat(step.gap()).isTrue();
        assertThat(step.rxBytes()).isEqualTo(700);
        assertThat(step.txBytes()).isEqualTo(300);
    }

    @Test
    void theSameReadingTwiceIsSkipped() {
        var r = reading(7, T0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(RateCalculator.step(r, r, MAX_GAP).skip()).isTrue();
    }
}
