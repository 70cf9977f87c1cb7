package com.virtpanel.usage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A server's network traffic in one calendar month (UTC), counted exactly from the guest's
 * byte counters. What counts against the plan's allowance is both directions together.
 *
 * @param month           "YYYY-MM"
 * @param from            first instant of the month
 * @param until           first instant of the next month
 * @param inBytes         bytes the server received
 * @param outBytes        bytes the server sent
 * @param allowanceBytes  the plan's monthly allowance (traffic GiB × 2^30)
 */
public record TrafficMonth(long serverId, String month, Instant from, Instant until, long inBytes, long outBytes,
        long allowanceBytes) {

    public static final long GIB = 1L << 30;

    public long usedBytes() {
        return inBytes + outBytes;
    }

    /** Share of the allowance used, 0..1 and beyond when exceeded. */
    public double usedFraction() {
        return allowanceBytes <= 0 ? 0 : (double) usedBytes() / allowanceBytes;
    }

    /** The month an instant falls in, as stored: "YYYY-MM" in UTC. */
    public static String key(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }

    static TrafficMonth of(long serverId, Instant at, long[] rxTx, long allowanceBytes) {
        YearMonth m = YearMonth.from(at.atZone(ZoneOffset.UTC));
        return new TrafficMonth(serverId, m.toString(), m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), rxTx[0], rxTx[1], allowanceBytes);
    }
}
