package com.virtpanel.usage;

import java.time.Instant;

/**
 * One point of a series. For raw samples {@code time} is the end of the sampling interval
 * and avg equals max; for 5-minute and hourly buckets it is the bucket's start, avg is the
 * time-weighted average and max the highest sample in it.
 */
public record MetricPoint(Instant time, double avg, double max) {
}
