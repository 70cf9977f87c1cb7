package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.virtpanel.base.Bytes;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.MutableClock;
import com.virtpanel.usage.ServerUsage;
import com.virtpanel.usage.UsageEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quota module books the usage module's sampling passes: traffic and credits, from cumulative counters. */
class SampledUsageTest {

    final MutableClock clock = new MutableClock(Instant.parse("2025-05-20T10:00:00Z"));
    final FakeStates state = new FakeStates();
    final List<Object> events = new ArrayList<>();
    final ServerRef web = new ServerRef(1, 7, "web-1", "vp-1", ServerStatus.RUNNING, 2);
    final ReconcileTrigger reconcile = mock(ReconcileTrigger.class);
    final SampledUsage listener;
    final QuotaStates states;

    SampledUsageTest() {
        CatalogService catalog = mock(CatalogService.class);
        when(catalog.plan(anyLong())).thenReturn(Plans.burst()); // 1 GiB allowance
        ServerDirectory directory = mock(ServerDirectory.class);
        when(directory.running()).thenReturn(List.of(web));
        states = new QuotaStates(state.repository, Plans.config(), clock);
        var accounting = new UsageAccounting(states, catalog, events::add, Plans.config(), clock);
        listener = new SampledUsage(directory, accounting, reconcile, new NoTransactions());
    }

    long netBytes;

    void pass(long bootId, long bytes) {
        clock.advance(Duration.ofSeconds(10));
        netBytes += bytes;
        var u = new ServerUsage(web.id(), web.accountId(), clock.instant(), 10, null, bytes, 0, bootId, 0, netBytes);
        listener.on(new UsageEvents.Sampled(clock.instant(), List.of(u)));
    }

    @Test
    void trafficIsBookedFromThePassesAndAMissedPassLosesNothing() {
        states.start(web.id(), Plans.burst()); // as when the server was ordered
        pass(1, 0); // the starting point
        pass(1, 1000);
        netBytes += 5000; // a pass the listener never saw
        pass(1, 300);
        assertThat(state.get().getTrafficBytes()).isEqualTo(6300);
        verify(reconcile, never()).now(anyString());
    }

    @Test
    void goingOverTheAllowanceRunsTheReconcilerAtOnce() {
        states.start(web.id(), Plans.burst());
        pass(1, 0);
        pass(1, Bytes.GIB);
        assertThat(state.get().isTrafficThrottled()).isTrue();
        assertThat(events).hasAtLeastOneElementOfType(QuotaEvents.TrafficThrottled.class);
        verify(reconcile).now(anyString());
    }

    @Test
    void aServerWithoutAQuotaStateYetIsSkippedNotGivenOne() {
        pass(1, 0);
        pass(1, Bytes.GIB);
        assertThat(state.get()).isNull();
        verify(reconcile, never()).now(anyString());
    }

    @Test
    void serversThatStoppedSinceThePassAreLeftAlone() {
        clock.advance(Duration.ofSeconds(10));
        var gone = new ServerUsage(99, 7, clock.instant(), 10, null, 0, 0, 1, 0, 0);
        listener.on(new UsageEvents.Sampled(clock.instant(), List.of(gone)));
        assertThat(state.get()).isNull();
    }

}
