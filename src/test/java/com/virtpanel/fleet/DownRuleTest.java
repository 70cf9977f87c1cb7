package com.virtpanel.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a host is down, and why: by the clock given, no waiting. */
class DownRuleTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final Duration LOST_AFTER = Duration.ofSeconds(20);
    static final FleetProperties FLEET = new FleetProperties(PlacementPolicy.Mode.SPREAD, Duration.ofSeconds(30), TIMEOUT, LOST_AFTER);

    @Test
    void aHostWithAFreshHeartbeatAndLibvirtIsUp() {
        assertThat(DownRule.check(NOW.minusSeconds(30), true, null, null, NOW, TIMEOUT, LOST_AFTER)).isEmpty();
        assertThat(DownRule.check(NOW.minus(TIMEOUT), true, null, null, NOW, TIMEOUT, LOST_AFTER)).as("exactly the timeout old").isEmpty();
    }

    @Test
    void aHeartbeatOlderThanTheTimeoutIsDownSinceThatHeartbeat() {
        Instant last = NOW.minus(TIMEOUT).minusMillis(1);
        HostDown down = DownRule.check(last, true, null, null, NOW, TIMEOUT, LOST_AFTER).orElseThrow();
        assertThat(down.reason()).isEqualTo(HostDown.Reason.NO_HEARTBEAT);
        assertThat(down.since()).isEqualTo(last);
        assertThat(down.detail()).isNull();
    }

    @Test
    void aFreshHeartbeatReportingLibvirtLostIsDownAtOnceWithTheProblem() {
        Instant lost = NOW.minusSeconds(90);
        HostDown down = DownRule.check(NOW.minusSeconds(1), false, lost, "connection refused", NOW, TIMEOUT, LOST_AFTER).orElseThrow();
        assertThat(down.reason()).isEqualTo(HostDown.Reason.LIBVIRT_UNREACHABLE);
        assertThat(down.since()).isEqualTo(lost);
        assertThat(down.detail()).isEqualTo("connection refused");
    }

    @Test
    void oneHeartbeatReportingLibvirtLostIsABlipNotAnOutage() {
        assertThat(DownRule.check(NOW, false, NOW, "timed out", NOW, TIMEOUT, LOST_AFTER)).isEmpty();
        assertThat(DownRule.check(NOW.minusSeconds(1), false, NOW.minusSeconds(20), "timed out", NOW, TIMEOUT, LOST_AFTER))
                .as("heartbeats reported it for less than lost-after").isEmpty();
        assertThat(DownRule.check(NOW, false, NOW.minusSeconds(20), "timed out", NOW, TIMEOUT, LOST_AFTER))
                .as("a later heartbeat still reports it").isPresent();
    }

    @Test
    void silenceWinsOverWhatTheLastHeartbeatSaid() {
        HostDown down = DownRule.check(NOW.minus(Duration.ofMinutes(10)), false, NOW.minus(Duration.ofMinutes(11)), "gone", NOW,
                TIMEOUT, LOST_AFTER).orElseThrow();
        assertThat(down.reason()).isEqualTo(HostDown.Reason.NO_HEARTBEAT);
    }

    @Test
    void theHostRecoversByItselfWithTheNextGoodHeartbeatAndStaffsChoiceShowsAgain() {
        FleetHost host = new FleetHost("far", "qemu+tcp://far/system", NOW.minus(Duration.ofHours(1)));
        host.changeState(HostState.MAINTENANCE);
        assertThat(host.shownState(NOW, FLEET)).isEqualTo(HostState.DOWN);

        host.reportLibvirtLost("no libvirtd", NOW.minusSeconds(20));
        host.reportLibvirtLost("still no libvirtd", NOW);
        HostDown down = host.down(NOW, FLEET).orElseThrow();
        assertThat(down.reason()).isEqualTo(HostDown.Reason.LIBVIRT_UNREACHABLE);
        assertThat(down.since()).as("since the first report of the loss").isEqualTo(NOW.minusSeconds(20));
        assertThat(down.detail()).isEqualTo("still no libvirtd");

        host.report(new HostReport(4096, 100, 4, 16, 1, 0, 1, "qemu+tcp://far/system"), NOW);
        assertThat(host.down(NOW, FLEET)).isEmpty();
        assertThat(host.shownState(NOW, FLEET)).isEqualTo(HostState.MAINTENANCE);
        assertThat(host.down(NOW.plus(TIMEOUT).plusSeconds(1), FLEET)).as("silent again later").isPresent();
    }

    @Test
    void goingDownAndComingBackAreNotedOnceEach() {
        FleetHost host = new FleetHost("far", "qemu+tcp://far/system", NOW);
        assertThat(host.noteDown(false, NOW)).as("up, as already noted").isFalse();
        assertThat(host.noteDown(true, NOW)).isTrue();
        assertThat(host.noteDown(true, NOW.plusSeconds(30))).as("the next pass").isFalse();
        assertThat(host.noteDown(false, NOW.plusSeconds(60))).isTrue();
        assertThat(host.noteDown(false, NOW.plusSeconds(90))).isFalse();
    }
}
