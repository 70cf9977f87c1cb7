package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.virtpanel.base.Bytes;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.server.PlanLimits;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import com.virtpanel.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The reconciler's per-server step against a fake host, fake usage counters and a hand-moved clock. */
class ServerCheckTest {

    final MutableClock clock = new MutableClock(Instant.parse("2025-05-20T10:00:00Z"));
    final FakeHost host = new FakeHost();
    final List<Object> events = new ArrayList<>();
    final List<EnforcementRecord> log = new ArrayList<>();
    final FakeStates state = new FakeStates();
    final AtomicReference<PlanInfo> plan = new AtomicReference<>();
    final UsageAccounting accounting;
    final ServerCheck check;
    final QuotaStates quotaStates;

    long cpuNs;
    long netBytes;

    ServerCheckTest() {
        EnforcementRepository repo = mock(EnforcementRepository.class);
        when(repo.save(any())).thenAnswer(i -> {
            log.add(i.getArgument(0));
            return i.getArgument(0);
        });
        CatalogService catalog = mock(CatalogService.class);
        when(catalog.plan(anyLong())).thenAnswer(i -> plan.get());
        quotaStates = new QuotaStates(state.repository, Plans.config(), clock);
        accounting = new UsageAccounting(quotaStates, catalog, events::add, Plans.config(), clock);
        check = new ServerCheck(quotaStates, repo, catalog, host, events::add, new QuotaMetrics(new SimpleMeterRegistry(), state.repository), clock);
    }

    ServerRef server(PlanInfo p) {
        plan.set(p);
        host.define("vp-1", PlanLimits.of(p));
        quotaStates.start(1, p); // as when the server was ordered
        return new ServerRef(1, 7, "web-1", "vp-1", ServerStatus.RUNNING, p.id());
    }

    /** The guest used {@code cpuPercent} of a vCPU and moved {@code bytes} over {@code seconds}; then one check. */
    void run(ServerRef s, double cpuPercent, long bytes, int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        cpuNs += (long) (cpuPercent / 100 * seconds * 1e9);
        netBytes += bytes;
        pass(s, new GuestCounters(1, clock.instant(), cpuNs, netBytes));
    }

    /** What the reconciler does for one server in one pass. */
    void pass(ServerRef s, GuestCounters counters) {
        accounting.counters(s, counters);
        check.check(s);
    }

    @Test
    void nothingIsWrittenWhileTheHostEnforcesThePlan() {
        ServerRef s = server(Plans.nano());
        for (int i = 0; i < 5; i++) {
            run(s, 100, 0, 30);
        }
        assertThat(host.reads).isEqualTo(5);
        assertThat(host.applied).isEmpty();
        assertThat(log).isEmpty();
        assertThat(state.get().getAppliedLimits()).isEqualTo(AppliedLimits.format(PlanLimits.of(Plans.nano())));
    }

    @Test
    void aRemovedCpuCapIsWrittenBackAndLoggedWithBeforeAndAfter() {
        ServerRef s = server(Plans.nano());
        run(s, 5, 0, 30);
        host.setQuota("vp-1", -1);
        run(s, 5, 0, 30);

        assertThat(host.read("vp-1").vcpuQuotaUs()).isEqualTo(50_000L);
        assertThat(host.read("vp-1").cgroupVcpuQuotasUs()).containsExactly(50_000L);
        assertThat(log).extracting(r -> r.entry("web-1")).extracting(EnforcementEntry::reason, EnforcementEntry::what,
                EnforcementEntry::before, EnforcementEntry::after).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Reason.DRIFT, "vcpu_quota", "-1", "50000"),
                        org.assertj.core.groups.Tuple.tuple(Reason.DRIFT, "cgroup vcpu0 quota", "-1", "50000"));
        assertThat(events).contains(new QuotaEvents.LimitRepaired(1, 7, "vp-1", "vcpu_quota", "-1", "50000"));
    }

    @Test
    void aBurnerOnABurstPlanDropsToTheBaselineOnceItsCreditsAreSpentAndGetsItsCapBackWhenIdle() {
        ServerRef s = server(Plans.burst());
        run(s, 0, 0, 10); // first counters: the starting point
        run(s, 100, 0, 10); // 12 -> 4 credits
        assertThat(host.read("vp-1").vcpuQuotaUs()).isEqualTo(100_000L);
        run(s, 100, 0, 10); // 4 -> 0: throttled
        assertThat(host.read("vp-1").vcpuQuotaUs()).isEqualTo(20_000L);
        assertThat(log).extracting(r -> r.entry("web-1").reason()).containsOnly(Reason.BURST_EXHAUSTED);
        assertThat(events).contains(new QuotaEvents.CpuThrottled(1, 7, 20));

        run(s, 20, 0, 30); // at the baseline: no credits earned
        assertThat(host.read("vp-1").vcpuQuotaUs()).isEqualTo(20_000L);
        run(s, 0, 0, 10); // idle: 2 credits, below the resume level of 3
        assertThat(host.read("vp-1").vcpuQuotaUs()).isEqualTo(20_000L);
        run(s, 0, 0, 10); // 4 credits: cap back
        assertThat(host.read("vp-1").vcpuQuotaUs()).isEqualTo(100_000L);
        assertThat(events).contains(new QuotaEvents.CpuRestored(1, 7, 100));
        assertThat(log).extracting(r -> r.entry("web-1").reason()).doesNotContain(Reason.DRIFT);
    }

    @Test
    void anIdleServerOnABurstPlanKeepsItsFullCap() {
        ServerRef s = server(Plans.burst());
        for (int i = 0; i < 20; i++) {
            run(s, 8, 0, 10);
        }
        assertThat(host.read("vp-1").vcpuQuotaUs()).isEqualTo(100_000L);
        assertThat(state.get().isCpuThrottled()).isFalse();
        assertThat(host.applied).isEmpty();
    }

    @Test
    void trafficBeyondTheAllowanceLimitsTheNetworkUntilTheNextPeriod() {
        ServerRef s = server(Plans.burst()); // 1 GiB allowance, 100 Mbit/s, 10 Mbit/s throttled
        run(s, 0, 0, 10);
        run(s, 0, Bytes.GIB / 2, 10);
        assertThat(host.read("vp-1").netOutboundKBps()).isEqualTo(LimitSpec.mbitToKBps(100));
        run(s, 0, Bytes.GIB / 2, 10);
        assertThat(host.read("vp-1").netOutboundKBps()).isEqualTo(LimitSpec.mbitToKBps(10));
        assertThat(host.read("vp-1").netInboundKBps()).isEqualTo(LimitSpec.mbitToKBps(10));
        assertThat(events).contains(new QuotaEvents.TrafficThrottled(1, 7, 10, Instant.parse("2025-06-01T00:00:00Z")));

        clock.advance(Duration.ofDays(12)); // into June
        run(s, 0, 1000, 10);
        assertThat(host.read("vp-1").netOutboundKBps()).isEqualTo(LimitSpec.mbitToKBps(100));
        assertThat(state.get().getTrafficBytes()).isEqualTo(1000);
        assertThat(events).contains(new QuotaEvents.TrafficRestored(1, 7, 100));
        assertThat(log).extracting(r -> r.entry("web-1").reason()).containsOnly(Reason.TRAFFIC_EXCEEDED, Reason.TRAFFIC_RESET);
    }

    @Test
    void aRestartedGuestsTrafficCountsFromZeroAndItsCpuIsNotGuessed() {
        ServerRef s = server(Plans.burst());
        run(s, 0, 5000, 10);
        clock.advance(Duration.ofSeconds(10));
        pass(s, new GuestCounters(2, clock.instant(), 1_000_000_000_000L, 300));
        assertThat(state.get().getTrafficBytes()).isEqualTo(300);
        assertThat(state.get().getCredits()).isEqualTo(12.0);
    }

    @Test
    void aChangedPlanIsWrittenAndLoggedAsAPlanChangeNotAsDrift() {
        ServerRef s = server(Plans.nano());
        run(s, 5, 0, 30);
        plan.set(new PlanInfo(1, "nano", "Nano", 1, 256, 2, 80, 512, 400, 20, 250, 100, 1000, 10, null, 300, "EUR", true));
        run(s, 5, 0, 30);
        assertThat(host.read("vp-1").vcpuQuotaUs()).isEqualTo(80_000L);
        assertThat(host.read("vp-1").diskIops()).isEqualTo(400L);
        assertThat(log).extracting(r -> r.entry("web-1").reason()).containsOnly(Reason.PLAN_CHANGED);
    }
}
