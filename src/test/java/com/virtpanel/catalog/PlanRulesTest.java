package com.virtpanel.catalog;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private static final PlanDraft TWO_VCPUS = new PlanDraft("duo", "Duo", 2, 1024, 10, 200, 1024, 1000, 100, 500, 250, 2000,
            20, null, 600, "EUR");

    @Test
    void aPlanSharesAllItsCoresOrHasAllItsVcpusDedicated() {
        assertThatCode(() -> PlanRules.check(TWO_VCPUS)).doesNotThrowAnyException();
        assertThatCode(() -> PlanRules.check(TWO_VCPUS.withDedicatedVcpus(2))).doesNotThrowAnyException();
        for (int half : new int[] {1, 3, -1}) {
            assertThatThrownBy(() -> PlanRules.check(TWO_VCPUS.withDedicatedVcpus(half)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("0 (shared cores) or all 2 vCPUs");
        }
    }

    @Test
    void aDraftKeepsItsDedicatedVcpusThroughAPlanAndBack() {
        PlanDraft d = TWO_VCPUS.withDedicatedVcpus(2).withBackupSlots(3);
        PlanInfo info = new PlanInfo(7, d.name(), d.title(), d.vcpus(), d.memoryMib(), d.diskGib(), d.cpuCapPercent(),
                d.cpuShares(), d.diskIops(), d.diskMbps(), d.blkioWeight(), d.netMbps(), d.trafficGib(), d.throttledNetMbps(),
                d.burstBaselinePercent(), d.priceCents(), d.currency(), true, d.backupSlots(), d.dedicatedVcpus());
        org.assertj.core.api.Assertions.assertThat(info.dedicatedVcpus()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(info.dedicated()).isTrue();
        org.assertj.core.api.Assertions.assertThat(PlanDraft.of(info)).isEqualTo(d);
    }
}
