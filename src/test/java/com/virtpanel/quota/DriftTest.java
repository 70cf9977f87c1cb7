package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import com.virtpanel.server.PlanLimits;
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
        assertThat(Repair.plan(nano, host.read("d"), nano, Plans.nano(), false, false))
                .extracting(Repair.Write::reason).containsOnly(Reason.DRIFT);

        var throttled = DesiredLimits.of(Plans.burst(), true, false);
        var full = DesiredLimits.of(Plans.burst(), false, false);
        host.define("b", full);
        assertThat(Repair.plan(throttled, host.read("b"), full, Plans.burst(), true, false))
                .extracting(Repair.Write::reason).containsOnly(Reason.BURST_EXHAUSTED);
        host.define("b", throttled);
        assertThat(Repair.plan(full, host.read("b"), throttled, Plans.burst(), false, false))
                .extracting(Repair.Write::reason).containsOnly(Reason.BURST_RECOVERED);

        var reducedNet = DesiredLimits.of(Plans.burst(), false, true);
        host.define("b", full);
        assertThat(Repair.plan(reducedNet, host.read("b"), full, Plans.burst(), false, true))
                .extracting(Repair.Write::reason).containsOnly(Reason.TRAFFIC_EXCEEDED);

        var otherPlan = DesiredLimits.of(Plans.nano(), false, false);
        host.define("b", full);
        assertThat(Repair.plan(otherPlan, host.read("b"), full, Plans.nano(), false, false))
                .extracting(Repair.Write::reason).contains(Reason.PLAN_CHANGED).doesNotContain(Reason.DRIFT);
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
