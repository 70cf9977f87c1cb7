package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import com.virtpanel.server.PlanLimits;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

    final LimitSpec nano = PlanLimits.of(Plans.nano());

    @Test
    void aGuestUnderItsPlansLimitsHasNoDrift() {
        assertThat(Drift.between(nano, FakeHost.of("d", nano))).isEmpty();
    }

    @Test
    void aRemovedCpuCapShowsInLibvirtAndInTheCgroupFile() {
        var host = new FakeHost();
        host.define("d", nano);
        host.setQuota("d", -1);
        assertThat(Drift.between(nano, host.read("d")))
                .extracting(Drift.Difference::what, Drift.Difference::before, Drift.Difference::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vcpu_quota", -1L, 50_000L),
                        org.assertj.core.groups.Tuple.tuple("cgroup vcpu0 quota", -1L, 50_000L));
    }

    @Test
    void valuesTheHostCannotReadAreNotCompared() {
        var unreadable = new LiveLimits("d", 512L, 100_000L, 50_000L, 200L, 20_000_000L, null, null, null, null, null, "v1");
        assertThat(Drift.between(nano, unreadable)).isEmpty();
    }

    @Test
    void cgroupV2SharesAreNotComparedWithThePlansShares() {
        var v2 = new LiveLimits("d", 512L, 100_000L, 50_000L, 200L, 20_000_000L, null, 12_500L, 12_500L, List.of(50_000L), 20L, "v2");
        assertThat(Drift.between(nano, v2)).isEmpty();
    }

    @Test
    void aLimitWhoseDesiredValueDidNotMoveDriftedAndOneThatMovedWasAnIntendedChange() {
        var host = new FakeHost();
        host.define("d", nano);
        host.setQuota("d", -1);
        assertThat(Repair.plan(nano, host.read("d"), nano, EnumSet.noneOf(Reason.class)))
                .extracting(Repair.Write::reason).containsOnly(Reason.DRIFT);

        var throttled = DesiredLimits.of(Plans.burst(), true, false);
        var full = DesiredLimits.of(Plans.burst(), false, false);
        host.define("b", full);
        assertThat(Repair.plan(throttled, host.read("b"), full, EnumSet.of(Reason.BURST_EXHAUSTED)))
                .extracting(Repair.Write::reason).containsOnly(Reason.BURST_EXHAUSTED);
        assertThat(Repair.plan(throttled, host.read("b"), full, EnumSet.noneOf(Reason.class)))
                .extracting(Repair.Write::reason).containsOnly(Reason.PLAN_CHANGED);
    }

    @Test
    void storedLimitsReadBackAsTheyWereWritten() {
        assertThat(AppliedLimits.parse(AppliedLimits.format(nano))).isEqualTo(nano);
        assertThat(AppliedLimits.parse("garbage")).isNull();
        assertThat(AppliedLimits.parse(null)).isNull();
    }

    @Test
    void aThrottledServerRunsAtItsBaselineAndItsReducedNetworkRate() {
        var l = DesiredLimits.of(Plans.burst(), true, true);
        assertThat(l.cpuQuotaUsPerVcpu()).isEqualTo(20_000);
        assertThat(l.netKBps()).isEqualTo(LimitSpec.mbitToKBps(10));
        assertThat(DesiredLimits.of(Plans.nano(), true, false).cpuCapPercent()).isEqualTo(50);
    }
}
