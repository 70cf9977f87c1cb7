package com.virtpanel.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.server.HostPlacement.Demand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Instant FRESH_SINCE = NOW.minusSeconds(120);
    private static final Demand SMALL = new Demand(1024, 10, 1);

    private static PlacementPolicy.Candidate host(String name) {
        return new PlacementPolicy.Candidate(name, HostState.ACTIVE, NOW, 8192, 100, 8);
    }

    @Test
    void spreadTakesTheLeastLoadedHost() {
        var promised = Map.of("a", new Demand(4096, 10, 1), "b", new Demand(1024, 10, 1));
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(host("a"), host("b")), promised, SMALL, FRESH_SINCE))
                .contains("b");
    }

    @Test
    void packTakesTheMostLoadedHostThatFits() {
        var promised = Map.of("a", new Demand(4096, 10, 1), "b", new Demand(1024, 10, 1), "c", new Demand(8000, 10, 1));
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.PACK, List.of(host("a"), host("b"), host("c")), promised, SMALL,
                FRESH_SINCE)).contains("a");
    }

    @Test
    void anEmptyHostWithNothingPromisedCounts() {
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(host("a")), Map.of(), SMALL, FRESH_SINCE))
                .contains("a");
    }

    @Test
    void onlyActiveHostsWithAFreshHeartbeatAreChosen() {
        var maintenance = new PlacementPolicy.Candidate("m", HostState.MAINTENANCE, NOW, 8192, 100, 8);
        var draining = new PlacementPolicy.Candidate("d", HostState.DRAINING, NOW, 8192, 100, 8);
        var silent = new PlacementPolicy.Candidate("s", HostState.ACTIVE, FRESH_SINCE.minusSeconds(1), 8192, 100, 8);
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(maintenance, draining, silent), Map.of(), SMALL,
                FRESH_SINCE)).isEmpty();
        var justFresh = new PlacementPolicy.Candidate("f", HostState.ACTIVE, FRESH_SINCE, 8192, 100, 8);
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(silent, justFresh), Map.of(), SMALL, FRESH_SINCE))
                .contains("f");
    }

    @Test
    void aHostWithoutRoomForMemoryDiskOrVcpusIsPassedOver() {
        var promised = Map.of(
                "memory", new Demand(8192 - 1023, 0, 0),
                "disk", new Demand(0, 91, 0),
                "vcpus", new Demand(0, 0, 8),
                "room", new Demand(8192 - 1024, 90, 7));
        var all = List.of(host("memory"), host("disk"), host("vcpus"), host("room"));
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, all, promised, SMALL, FRESH_SINCE)).contains("room");
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.PACK, all.subList(0, 3), promised, SMALL, FRESH_SINCE)).isEmpty();
    }

    @Test
    void loadIsTheFullestResourceAndTiesGoToTheName() {
        // a is nearly out of vCPUs though its memory is empty: spread prefers b
        var promised = Map.of("a", new Demand(0, 0, 6), "b", new Demand(4096, 50, 1));
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(host("a"), host("b")), promised, SMALL, FRESH_SINCE))
                .contains("b");
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(host("z"), host("y")), Map.of(), SMALL, FRESH_SINCE))
                .contains("y");
    }

    @Test
    void aDedicatedVcpuNeedsAFreeReservedCoreAndTakesNoSharedRoom() {
        Demand dedicated = new Demand(1024, 10, 0, 1);
        var reserving = new PlacementPolicy.Candidate("r", HostState.ACTIVE, NOW, 8192, 100, 8, 1);
        var plain = host("p");
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(plain, reserving), Map.of(), dedicated, FRESH_SINCE))
                .contains("r");
        // its one core held: nowhere
        var held = Map.of("r", new Demand(1024, 10, 0, 1));
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(plain, reserving), held, dedicated, FRESH_SINCE))
                .isEmpty();
        // shared vCPUs still fit beside it, and its reserved core does not make it look full to them
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(reserving), held, SMALL, FRESH_SINCE)).contains("r");
    }

    @Test
    void spreadCountsHeldReservedCoresAsLoad() {
        Demand dedicated = new Demand(1024, 10, 0, 1);
        var a = new PlacementPolicy.Candidate("a", HostState.ACTIVE, NOW, 8192, 100, 8, 4);
        var b = new PlacementPolicy.Candidate("b", HostState.ACTIVE, NOW, 8192, 100, 8, 4);
        var promised = Map.of("a", new Demand(1024, 10, 0, 3), "b", new Demand(1024, 10, 0, 1));
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.SPREAD, List.of(a, b), promised, dedicated, FRESH_SINCE)).contains("b");
        assertThat(PlacementPolicy.choose(PlacementPolicy.Mode.PACK, List.of(a, b), promised, dedicated, FRESH_SINCE)).contains("a");
    }

    @Test
    void aHostFitsWhatItWouldPromiseUpToItsLimitsAndNotOneMore() {
        var host = new PlacementPolicy.Candidate("a", HostState.MAINTENANCE, NOW, 8192, 100, 8, 2);
        assertThat(PlacementPolicy.fits(host, new Demand(8192, 100, 8, 2))).isTrue();
        assertThat(PlacementPolicy.fits(host, new Demand(8193, 100, 8, 2))).isFalse();
        assertThat(PlacementPolicy.fits(host, new Demand(8192, 101, 8, 2))).isFalse();
        assertThat(PlacementPolicy.fits(host, new Demand(8192, 100, 9, 2))).isFalse();
        assertThat(PlacementPolicy.fits(host, new Demand(8192, 100, 8, 3))).isFalse();
    }

    @Test
    void aDifferenceGrowsWhenAnyFigureIsAboveZero() {
        Demand nano = new Demand(256, 2, 1);
        assertThat(new Demand(512, 2, 1).minus(nano)).isEqualTo(new Demand(256, 0, 0));
        assertThat(new Demand(512, 2, 1).minus(nano).grows()).isTrue();
        assertThat(new Demand(256, 2, 1).minus(nano).grows()).isFalse();
        assertThat(new Demand(128, 4, 1).minus(nano).grows()).isTrue();
    }
}
