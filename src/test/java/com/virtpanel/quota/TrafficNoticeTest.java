package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
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

/** "80 % of your traffic used" is said once per allowance period, with an injected clock and counters. */
class TrafficNoticeTest {

    final MutableClock clock = new MutableClock(Instant.parse("2025-05-20T10:00:00Z"));
    final FakeStates state = new FakeStates();
    final List<Object> events = new ArrayList<>();
    final ServerRef web = new ServerRef(1, 7, "web-1", "vp-1", ServerStatus.RUNNING, 2);
    final SampledUsage listener;
    long netBytes;

    TrafficNoticeTest() {
        CatalogService catalog = mock(CatalogService.class);
        when(catalog.plan(anyLong())).thenReturn(Plans.burst()); // 1 GiB allowance
        ServerDirectory directory = mock(ServerDirectory.class);
        when(directory.running()).thenReturn(List.of(web));
        QuotaStates states = new QuotaStates(state.repository, Plans.config(), clock);
        var accounting = new UsageAccounting(states, catalog, events::add, Plans.config(), clock);
        listener = new SampledUsage(directory, accounting, mock(ReconcileTrigger.class), new NoTransactions());
        states.start(web.id(), Plans.burst()); // as when the server was ordered
    }

    void pass(long bytes) {
        clock.advance(Duration.ofSeconds(10));
        netBytes += bytes;
        var u = new ServerUsage(web.id(), web.accountId(), clock.instant(), 10, null, bytes, 0, 1, 0, netBytes);
        listener.on(new UsageEvents.Sampled(clock.instant(), List.of(u)));
    }

    List<QuotaEvents.TrafficAllowanceNearlyUsed> notices() {
        return events.stream().filter(QuotaEvents.TrafficAllowanceNearlyUsed.class::isInstance)
                .map(QuotaEvents.TrafficAllowanceNearlyUsed.class::cast).toList();
    }

    @Test
    void crossingEightyPercentTellsOnceAndTheNextPeriodTellsAgain() {
        pass(0); // the starting point
        pass(Bytes.GIB / 2);
        assertThat(notices()).isEmpty();
        pass(Bytes.GIB * 35 / 100); // 85 %
        assertThat(notices()).hasSize(1);
        assertThat(notices().get(0).percent()).isEqualTo(80);
        assertThat(notices().get(0).allowanceBytes()).isEqualTo(Bytes.GIB);
        pass(Bytes.GIB / 100);
        pass(Bytes.GIB / 100);
        assertThat(notices()).as("once per period").hasSize(1);

        clock.set(Instant.parse("2025-06-02T10:00:00Z")); // the next allowance period (reset day 1)
        pass(Bytes.GIB / 10);
        assertThat(notices()).hasSize(1);
        pass(Bytes.GIB * 75 / 100);
        assertThat(notices()).hasSize(2);
        assertThat(notices().get(1).periodStart()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
    }

    @Test
    void aPassStraightPastTheAllowanceSaysThrottledOnly() {
        pass(0);
        pass(Bytes.GIB * 2);
        assertThat(notices()).isEmpty();
        assertThat(events).hasAtLeastOneElementOfType(QuotaEvents.TrafficThrottled.class);
    }
}
