package com.virtpanel.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one rule for "this host is down", asked by the hosts page and API, placement, the servers'
 * action gate and the watch that audits changes. Computed from what the heartbeat stored, never
 * stored itself: a dead instance cannot mark itself down, and no job has to be alive to notice.
 * A silent host is down whatever it said last; a host whose panel reports libvirt lost is down as
 * soon as a later heartbeat still reports it (panel.fleet.libvirt-lost-after: one slow call on a
 * busy host is a blip, not an outage that refuses every customer's action). The state staff chose (maintenance, draining) is kept underneath and shows again when the
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
     * @param lostAfter        panel.fleet.libvirt-lost-after: how long heartbeats must keep reporting libvirt lost
     */
    static Optional<HostDown> check(Instant lastHeartbeat, boolean libvirtReachable, Instant libvirtLostAt, String problem,
            Instant now, Duration timeout, Duration lostAfter) {
        if (lastHeartbeat.isBefore(now.minus(timeout))) {
            return Optional.of(new HostDown(HostDown.Reason.NO_HEARTBEAT, lastHeartbeat, null));
        }
        Instant lostAt = libvirtLostAt == null ? lastHeartbeat : libvirtLostAt;
        if (!libvirtReachable && !lastHeartbeat.isBefore(lostAt.plus(lostAfter))) {
            return Optional.of(new HostDown(HostDown.Reason.LIBVIRT_UNREACHABLE,
                    lostAt, problem));
        }
        return Optional.empty();
    }
}
