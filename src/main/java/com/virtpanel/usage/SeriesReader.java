package com.virtpanel.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads a server's series at the resolution that fits the range: raw up to a day, 5-minute
 * buckets up to a week, hourly beyond (and whatever is still kept for older ranges). The
 * part after the last rollup is computed from raw points on the fly, so coarse graphs reach
 * up to now as well.
 */
@Component
class SeriesReader {

    private static final Duration RAW_SPAN = Duration.ofHours(25);
    private static final Duration FIVE_MINUTE_SPAN = Duration.ofDays(8);

    private final UsageStore store;
    private final UsageProperties properties;
    private final Clock clock;

    SeriesReader(UsageStore store, UsageProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    Resolution resolutionFor(Instant from, Instant to) {
        Instant now = clock.instant();
        Duration span = Duration.between(from, to);
        // a little slack: "the last 24 h" asked a moment ago is still raw
        Duration slack = Duration.ofMinutes(5);
        if (span.compareTo(RAW_SPAN) <= 0 && !from.isBefore(now.minus(properties.rawRetention()).minus(slack))) {
            return Resolution.RAW;
        }
        if (span.compareTo(FIVE_MINUTE_SPAN) <= 0 && !from.isBefore(now.minus(properties.fiveMinRetention()).minus(slack))) {
            return Resolution.FIVE_MINUTES;
        }
        return Resolution.HOURLY;
    }

    Metrics read(long serverId, Collection<MetricType> types, Instant from, Instant to) {
        Resolution resolution = resolutionFor(from, to);
        Duration step = resolution.step(properties.interval());
        List<StoredPoint> points = points(serverId, resolution, step, from, to);
        var series = new ArrayList<MetricSeries>();
        for (MetricType type : MetricType.copyOf(types)) {
            for (Measure m : type.measures()) {
                int i = m.ordinal();
                var values = points.stream().map(p -> new MetricPoint(p.ts(), p.avg()[i], p.max()[i])).toList();
                series.add(new MetricSeries(m.apiName(), m.unit().apiName(), values));
            }
        }
        return new Metrics(serverId, from, to, resolution.apiName(), step.getSeconds(), series);
    }

    private List<StoredPoint> points(long serverId, Resolution resolution, Duration step, Instant from, Instant to) {
        if (resolution == Resolution.RAW) {
            return store.points(Resolution.RAW, serverId, from, to);
        }
        Instant bucketFrom = Rollups.floor(from, step);
        Instant rolled = store.rolledUntil(resolution).orElse(bucketFrom);
        List<StoredPoint> points = new ArrayList<>(store.points(resolution, serverId, bucketFrom, to));
        points.removeIf(p -> !p.ts().isBefore(rolled));
        if (to.isAfter(rolled)) {
            points.addAll(bucketsFromRaw(serverId, step, rolled.isAfter(bucketFrom) ? rolled : bucketFrom, to));
        }
        return points;
    }

    /** Buckets not rolled up yet (the last minutes, or the current hour), from the raw points. */
    private List<StoredPoint> bucketsFromRaw(long serverId, Duration step, Instant from, Instant to) {
        Map<Instant, Bucket> buckets = new LinkedHashMap<>();
        for (StoredPoint p : store.points(Resolution.RAW, serverId, from, to)) {
            buckets.computeIfAbsent(Rollups.floor(p.ts(), step), start -> new Bucket(serverId, start)).add(p);
        }
        return buckets.values().stream().map(Bucket::result).toList();
    }

    static Set<MetricType> cpuOnly() {
        return Set.of(MetricType.CPU);
    }
}
