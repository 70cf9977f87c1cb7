package com.virtpanel.usage;

import java.time.Instant;

/**
 * One server in one sampling pass.
 *
 * @param serverId       the server
 * @param accountId      its owner
 * @param at             when its counters were read
 * @param seconds        the interval the rates cover (0 for a gap)
 * @param rates          usage over that interval, or null for a gap (first sample, restart, missed passes)
 * @param rxBytes        bytes received since the previous pass, exact (also across a restart)
 * @param txBytes        bytes sent since the previous pass, exact
 * @param month          the calendar month (UTC, "YYYY-MM") the bytes were added to
 * @param monthRxBytes   bytes received this month so far, including this pass
 * @param monthTxBytes   bytes sent this month so far, including this pass
 */
public record ServerUsage(long serverId, long accountId, Instant at, double seconds, Rates rates, long rxBytes,
        long txBytes, String month, long monthRxBytes, long monthTxBytes) {

    public boolean gap() {
        return rates == null;
    }
}
