package com.virtpanel.usage;

import java.time.Instant;
import java.util.Arrays;

/** Accumulates points into one rollup bucket: time-weighted averages and plain maxima. */
final class Bucket {

    private static final int N = Measure.values().length;

    private final long serverId;
    private final Instant start;
    private double covered;
    private final double[] weighted = new double[N];
    private final double[] max = new double[N];

    Bucket(long serverId, Instant start) {
        this.serverId = serverId;
        this.start = start;
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    void add(StoredPoint p) {
        // weight by the time a point covers, so a short interval after a gap does not count as much as a full one
        double w = p.coveredSeconds() > 0 ? p.coveredSeconds() : 1e-9;
        covered += w;
        for (int i = 0; i < N; i++) {
            weighted[i] += p.avg()[i] * w;
            max[i] = Math.max(max[i], p.max()[i]);
        }
    }

    StoredPoint result() {
        var avg = new double[N];
        for (int i = 0; i < N; i++) {
            avg[i] = weighted[i] / covered;
        }
        return new StoredPoint(serverId, start, covered, avg, max.clone());
    }
}
