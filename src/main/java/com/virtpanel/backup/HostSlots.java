package com.virtpanel.backup;

import java.util.HashMap;
import java.util.Map;

/**
 * panel.backup.max-parallel per host: a backup reads its guest's disk at full speed, so the
 * limit protects each host's disks and guests, not the panel. Counted from the backups running
 * now (rows in the database, whichever instance runs them) plus those one schedule pass starts.
 * Servers not yet placed on a host (rows older than the fleet) count as one host of their own.
 */
final class HostSlots {

    private final int max;
    private final Map<String, Integer> running = new HashMap<>();

    /** {@code hostsOfRunning}: the host of each backup running now, one entry per backup. */
    HostSlots(int max, Iterable<String> hostsOfRunning) {
        this.max = max;
        hostsOfRunning.forEach(this::taken);
    }

    /** Whether one more backup may start on {@code host}. */
    boolean free(String host) {
        return running.getOrDefault(key(host), 0) < max;
    }

    /** A backup started on {@code host}. */
    void taken(String host) {
        running.merge(key(host), 1, Integer::sum);
    }

    private static String key(String host) {
        return host == null ? "" : host;
    }
}
