package com.virtpanel.usage.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.virtpanel.usage.Measure;
import com.virtpanel.usage.MetricPoint;
import com.virtpanel.usage.Metrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link Metrics} into what {@code <vp-chart>} draws: one time axis, a line per measure
 * (scaled to the chart's unit), nulls where the data has gaps so the line breaks instead of
 * bridging them, and the plan's limits. Long series are averaged down to a size a browser
 * draws at once.
 */
final class ChartData {

    /** More points than this are merged: a chart is at most a few hundred pixels wide anyway. */
    static final int MAX_POINTS = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Line(String label, String color, List<Double> values) {
    }

    record Limit(String label, double value) {
    }

    record Chart(String title, String unit, int digits, double start, double end, List<Double> times, List<Line> series,
            List<Limit> limits) {
    }

    /** Which measure to draw, how to name and colour it, and the factor from its API unit to the chart's unit. */
    record Spec(Measure measure, String label, String color, double scale) {
    }

    private ChartData() {
    }

    static Chart of(String title, String unit, int digits, Metrics metrics, List<Spec> specs, List<Limit> limits) {
        // all series of one Metrics share their times: take them from the first
        List<MetricPoint> axis = metrics.series(specs.get(0).measure()).points();
        int group = Math.max(1, (axis.size() + MAX_POINTS - 1) / MAX_POINTS);
        // raw samples jitter around the interval; buckets are exact, so one missing bucket is a gap
        double maxGap = metrics.stepSeconds() * ("raw".equals(metrics.resolution()) ? 2.5 : 1.5);
        var times = new ArrayList<Double>();
        var columns = new ArrayList<List<Double>>();
        specs.forEach(s -> columns.add(new ArrayList<>()));
        Double previous = null;
        for (int start = 0; start < axis.size(); start += group) {
            int end = Math.min(axis.size(), start + group);
            double t = seconds(axis.get(start).time());
            if (previous != null && t - previous > maxGap) {
                // a gap: one null point just after the last value breaks the line
                times.add(previous + metrics.stepSeconds());
                columns.forEach(c -> c.add(null));
            }
            times.add(t);
            for (int i = 0; i < specs.size(); i++) {
                Spec spec = specs.get(i);
                List<MetricPoint> points = metrics.series(spec.measure()).points();
                double sum = 0;
                for (int k = start; k < end; k++) {
                    sum += points.get(k).avg();
                }
                columns.get(i).add(round(sum / (end - start) * spec.scale()));
            }
            previous = seconds(axis.get(end - 1).time());
        }
        var lines = new ArrayList<Line>();
        for (int i = 0; i < specs.size(); i++) {
            lines.add(new Line(specs.get(i).label(), specs.get(i).color(), columns.get(i)));
        }
        return new Chart(title, unit, digits, seconds(metrics.start()), seconds(metrics.end()), times, lines, limits);
    }

    static String json(Chart chart) {
        try {
            return JSON.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** Four significant digits are plenty on a chart and keep the payload small. */
    private static double round(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }
}
