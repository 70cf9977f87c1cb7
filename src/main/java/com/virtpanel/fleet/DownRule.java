package com.virtpanel.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one rule for "this host is down", asked by the hosts page and API, placement, the servers'
 * action gate and the watch that audits changes. Computed from what the heartbeat stored, never
 * stored itself: a dead instance cannot mark itself down, and no job has to be alive to notice.
 * A silent host is down whatever it said last; a host whose panel reports libvirt lost is down at
 * once. The state staff chose (maintenance, draining) is kept underneath and shows again when the
 * host is back.
 */
final class DownRule {

    private DownRule() {
    }

    /**
     * @param lastHeartbeat    when the host's panel last wrote its heartbeat
     * @param libvirtReachable what that heartbeat said about the host's libvirtd
     * @param libvirtLostAt    since when it has said "unreachable" (null while reachable)
     * @param problem          libvirt's problem as reported, or null
     * @param timeout          panel.fleet.heartbeat-timeout: a heartbeat older than this is silence
     */
    static Optional<HostDown> check(Instant lastHeartbeat, boolean libvirtReachable, Instant libvirtLostAt, String problem,
            Instant now, Duration timeout) {
        if (lastHeartbeat.isBefore(now.minus(timeout))) {
            return Optional.of(new HostDown(HostDown.Reason.NO_HEARTBEAT, lastHeartbeat, null));
        }
        if (!libvirtReachable) {
            return Optional.of(new HostDown(HostDown.Reason.LIBVIRT_UNREACHABLE,
                    libvirtLostAt == null ? lastHeartbeat : libvirtLostAt, problem));
        }
        return Optional.empty();
    }
}
