package com.virtpanel.usage;

import java.time.Instant;
import java.util.List;

/**
 * A server's usage between two instants, at the resolution that fits the range.
 *
 * @param resolution   raw, 5m or 1h
 * @param stepSeconds  the distance of consecutive points (a larger distance is a gap)
 */
public record Metrics(long serverId, Instant start, Instant end, String resolution, long stepSeconds,
        List<MetricSeries> series) {

    public MetricSeries series(Measure measure) {
        return series.stream().filter(s -> s.name().equals(measure.apiName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(measure + " was not asked for"));
    }
}
