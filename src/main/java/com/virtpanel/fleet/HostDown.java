package com.virtpanel.fleet;

import java.time.Instant;

/**
 * Why a host is down, for staff (customers only ever read "host unreachable").
 *
 * @param reason what was lost
 * @param since  the last heartbeat (no heartbeat) or when the heartbeat first reported libvirt lost
 * @param detail libvirt's problem as the host's panel saw it; null for a silent host
 */
public record HostDown(Reason reason, Instant since, String detail) {

    public enum Reason {
        /** The host's panel has not written a heartbeat for longer than panel.fleet.heartbeat-timeout. */
        NO_HEARTBEAT,
        /** The host's panel is alive and says it cannot reach its libvirtd. */
        LIBVIRT_UNREACHABLE;

        /** The API's spelling: "no-heartbeat", "libvirt-unreachable"; also the end of the bundles' fleet.down.* keys. */
        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
