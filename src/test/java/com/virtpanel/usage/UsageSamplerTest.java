package com.virtpanel.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.virtpanel.host.GuestSample;
import com.virtpanel.host.GuestStats;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The sampling pass end to end against the real schema, with the host's counters scripted. */
@JdbcTest
class UsageSamplerTest {

    static final Instant T0 = Instant.parse("2025-03-31T23:59:30Z");
    static final ServerRef WEB = new ServerRef(1, 100, "web", "vp-web", ServerStatus.RUNNING, 1);
    static final ServerRef DB = new ServerRef(2, 200, "db", "vp-db", ServerStatus.RUNNING, 1);

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    UsageSlice usage;
    GuestStats host = mock(GuestStats.class);
    ServerDirectory directory = mock(ServerDirectory.class);
    List<Object> events = new ArrayList<>();
    UsageSampler sampler;

    @BeforeEach
    void setUp() {
        usage = new UsageSlice(jdbc, transactions, T0);
        when(directory.live()).thenReturn(List.of(WEB, DB));
        sampler = newSampler();
    }

    UsageSampler newSampler() {
        return new UsageSampler(host, directory, usage.store, usage.tx, events::add, UsageSlice.PROPERTIES, new GuestMetrics(new SimpleMeterRegistry()), usage.clock);
    }

    static GuestSample sample(String domain, long boot, Instant at, long cpuNs, long rx, long tx) {
        return new GuestSample(domain, boot, at, cpuNs, rx * 2, tx * 2, rx / 100, tx / 100, rx, tx);
    }

    PassReport pass(GuestSample... samples) {
        when(host.sampleRunning()).thenReturn(List.of(samples));
        return sampler.sampleNow();
    }

    List<StoredPoint> raw(ServerRef server) {
        return usage.store.points(Resolution.RAW, server.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    UsageEvents.Sampled lastEvent() {
        return (UsageEvents.Sampled) events.get(events.size() - 1);
    }

    @Test
    void theSecondPassStoresRatesForEveryServerInOneGo() {
        pass(sample("vp-web", 5, T0, 0, 1000, 1000), sample("vp-db", 9, T0, 0, 0, 0));
        var report = pass(sample("vp-web", 5, T0.plusSeconds(10), 5_000_000_000L, 1000 + 125_000, 1000),
                sample("vp-db", 9, T0.plusSeconds(10), 10_000_000_000L, 0, 250_000));

        assertThat(report.servers()).isEqualTo(2);
        assertThat(report.stored()).isEqualTo(2);
        assertThat(raw(WEB)).singleElement().satisfies(p -> {
            assertThat(p.ts()).isEqualTo(T0.plusSeconds(10));
            assertThat(p.avg()[Measure.CPU.ordinal()]).isCloseTo(50, within(1e-9));
            assertThat(p.avg()[Measure.NET_RX.ordinal()]).isCloseTo(100_000, within(1e-6));
        });
        assertThat(raw(DB)).singleElement().satisfies(p -> {
            assertThat(p.avg()[Measure.CPU.ordinal()]).isCloseTo(100, within(1e-9));
            assertThat(p.avg()[Measure.NET_TX.ordinal()]).isCloseTo(200_000, within(1e-6));
        });
    }

    @Test
    void guestsThePanelDoesNotManageAreIgnored() {
        var report = pass(sample("someone-elses-vm", 1, T0, 0, 0, 0));
        assertThat(report.guests()).isEqualTo(1);
        assertThat(report.servers()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void aRestartLeavesAGapAndNeverANegativeRate() {
        pass(sample("vp-web", 5, T0, 9_000_000_000L, 500_000, 500_000));
        pass(sample("vp-web", 6, T0.plusSeconds(10), 100_000_000L, 2_000, 3_000));
        pass(sample("vp-web", 6, T0.plusSeconds(20), 1_100_000_000L, 4_000, 3_000));

        assertThat(raw(WEB)).singleElement().satisfies(p -> {
            assertThat(p.ts()).isEqualTo(T0.plusSeconds(20));
            assertThat(java.util.Arrays.stream(p.avg()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
            assertThat(p.avg()[Measure.CPU.ordinal()]).isCloseTo(10, within(1e-9));
        });
        assertThat(lastEvent().servers()).singleElement().satisfies(u -> {
            assertThat(u.gap()).isFalse();
            assertThat(u.rates().cpuPercent()).isCloseTo(10, within(1e-9));
        });
    }

    @Test
    void missedPassesLeaveAGapNotFakeZeros() {
        pass(sample("vp-web", 5, T0, 0, 0, 0));
        pass(sample("vp-web", 5, T0.plusSeconds(40), 4_000_000_000L, 0, 0));

        assertThat(raw(WEB)).isEmpty();
        assertThat(lastEvent().servers().get(0).gap()).isTrue();
    }

    @Test
    void theEventCarriesExactByteDeltasAndTheCumulativeCountersAcrossRestarts() {
        pass(sample("vp-web", 5, T0, 0, 1_000, 2_000));
        pass(sample("vp-web", 5, T0.plusSeconds(10), 7_000_000_000L, 1_500, 2_100));
        assertThat(lastEvent().servers()).singleElement().satisfies(u -> {
            assertThat(u.rxBytes()).isEqualTo(500);
            assertThat(u.txBytes()).isEqualTo(100);
            assertThat(u.bootId()).isEqualTo(5);
            assertThat(u.cpuTimeNs()).isEqualTo(7_000_000_000L);
            assertThat(u.netBytes()).isEqualTo(3_600);
            assertThat(u.accountId()).isEqualTo(WEB.accountId());
        });

        pass(sample("vp-web", 6, T0.plusSeconds(40), 0, 300, 400)); // restarted: counters from zero
        assertThat(lastEvent().servers()).singleElement().satisfies(u -> {
            assertThat(u.rxBytes()).isEqualTo(300);
            assertThat(u.bootId()).isEqualTo(6);
            assertThat(u.netBytes()).isEqualTo(700);
        });
    }

    @Test
    void anotherPanelInstanceContinuesFromTheCountersInTheDatabase() {
        pass(sample("vp-web", 5, T0, 0, 0, 0));
        sampler = newSampler(); // e.g. the next pass runs on another node of the cluster

        pass(sample("vp-web", 5, T0.plusSeconds(10), 2_000_000_000L, 0, 0));

        assertThat(raw(WEB)).singleElement().satisfies(p -> assertThat(p.avg()[0]).isCloseTo(20, within(1e-9)));
    }

    @Test
    void theEventOfAPassCarriesEveryServersRatesAndTraffic() {
        pass(sample("vp-web", 5, T0, 0, 0, 0), sample("vp-db", 9, T0, 0, 0, 0));
        pass(sample("vp-web", 5, T0.plus(Duration.ofSeconds(10)), 1_000_000_000L, 80, 40),
                sample("vp-db", 9, T0.plus(Duration.ofSeconds(10)), 3_000_000_000L, 0, 0));

        var event = lastEvent();
        assertThat(event.servers()).extracting(ServerUsage::serverId).containsExactlyInAnyOrder(1L, 2L);
        assertThat(event.servers()).allSatisfy(u -> assertThat(u.seconds()).isEqualTo(10.0));
        assertThat(event.servers()).filteredOn(u -> u.serverId() == 2).singleElement()
                .satisfies(u -> assertThat(u.rates().cpuPercent()).isCloseTo(30, within(1e-9)));
    }
}
