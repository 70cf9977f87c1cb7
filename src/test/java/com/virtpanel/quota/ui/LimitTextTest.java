package com.virtpanel.quota.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.quota.EffectiveLimits;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How "Limits in force" words the CPU cap (English: outside a UI, the panel speaks English). */
class LimitTextTest {

    private static final EffectiveLimits.Traffic TRAFFIC = new EffectiveLimits.Traffic(0, 1L << 40, Instant.EPOCH,
            Instant.EPOCH.plus(Duration.ofDays(30)), false, null, 0);

    @Test
    void oneVcpuIsNotNamedTwice() {
        assertThat(LimitText.cpu(limits(1, 50, null))).isEqualTo("up to 50 % of one vCPU, weight 512");
    }

    @Test
    void aCapSharedBySeveralVcpusSaysSo() {
        assertThat(LimitText.cpu(limits(2, 150, null))).isEqualTo("up to 150 % of one vCPU across its 2 vCPUs, weight 512");
    }

    @Test
    void burstingAndThrottledCapsNameTheBaseline() {
        assertThat(LimitText.cpu(limits(1, 100, burst(false))))
                .isEqualTo("up to 100 % while burst credits last, baseline 20 % of one vCPU, weight 512");
        assertThat(LimitText.cpu(limits(2, 20, burst(true))))
                .isEqualTo("limited to its baseline of 20 % of one vCPU across its 2 vCPUs, weight 512");
    }

    private static EffectiveLimits limits(int vcpus, int capPercent, EffectiveLimits.Burst burst) {
        return new EffectiveLimits(1, vcpus, capPercent, burst == null ? capPercent : 100, 512, 200, 20, 100, 100, burst,
                TRAFFIC, null);
    }

    private static EffectiveLimits.Burst burst(boolean throttled) {
        return new EffectiveLimits.Burst(20, 10, 60, 5, throttled, throttled ? Instant.EPOCH : null, Duration.ZERO,
                Duration.ofMinutes(1), null);
    }
}
