package com.virtpanel.usage;

import java.time.Instant;

/**
 * A row of any resolution: for raw rows avg and max are the same values. Arrays are in
 * {@link Measure} order.
 */
record StoredPoint(long serverId, Instant ts, double coveredSeconds, double[] avg, double[] max) {
}
