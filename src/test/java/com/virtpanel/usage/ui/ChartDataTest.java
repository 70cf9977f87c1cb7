package com.virtpanel.usage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.virtpanel.usage.Measure;
import com.virtpanel.usage.MetricPoint;
import com.virtpanel.usage.MetricSeries;
import com.virtpanel.usage.Metrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartDataTest {

    static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
    static final List<ChartData.Spec> CPU = List.of(new ChartData.Spec(Measure.CPU, "CPU", "#1565c0", 1));

    static Metrics cpu(String resolution, long step, long... offsets) {
        var points = new ArrayList<MetricPoint>();
        for (long o : offsets) {
            points.add(new MetricPoint(T0.plusSeconds(o), o, o));
        }
        return new Metrics(1, T0, T0.plusSeconds(3600), resolution, step, List.of(new MetricSeries("cpu", "percent", points)));
    }

    @Test
    void aGapInTheSamplesBecomesANullSoTheLineBreaks() {
        var chart = ChartData.of("CPU", "%", 0, cpu("raw", 10, 10, 20, 30, 100, 110), CPU, List.of());

        assertThat(chart.times()).containsExactly(T0.plusSeconds(10).getEpochSecond() + 0.0, 1741608020.0,
                1741608030.0, 1741608040.0, 1741608100.0, 1741608110.0);
        assertThat(chart.series().get(0).values()).containsExactly(10.0, 20.0, 30.0, null, 100.0, 110.0);
    }

    @Test
    void oneMissingBucketIsAGapAtFiveMinuteResolution() {
        var chart = ChartData.of("CPU", "%", 0, cpu("5m", 300, 0, 300, 900), CPU, List.of());
        assertThat(chart.series().get(0).values()).containsExactly(0.0, 300.0, null, 900.0);
    }

    @Test
    void longSeriesAreAveragedDownForTheBrowser() {
        long[] offsets = new long[8640];
        Arrays.setAll(offsets, i -> i * 10L);
        var chart = ChartData.of("CPU", "%", 0, cpu("raw", 10, offsets), CPU, List.of());

        assertThat(chart.times()).hasSizeLessThanOrEqualTo(ChartData.MAX_POINTS);
        assertThat(chart.series().get(0).values()).doesNotContainNull();
        assertThat(chart.series().get(0).values().get(0)).isEqualTo(25.0); // mean of 0, 10, ..., 50
    }

    @Test
    void theJsonCarriesLimitsAndTheWholeRange() throws Exception {
        var chart = ChartData.of("CPU", "%", 0, cpu("raw", 10, 10), CPU, List.of(new ChartData.Limit("cap 50 %", 50)));
        var json = new ObjectMapper().readTree(ChartData.json(chart));
        assertThat(json.at("/limits/0/label").asText()).isEqualTo("cap 50 %");
        assertThat(json.at("/limits/0/value").asDouble()).isEqualTo(50);
        assertThat(json.at("/start").asDouble()).isEqualTo(T0.getEpochSecond());
        assertThat(json.at("/end").asDouble()).isEqualTo(T0.getEpochSecond() + 3600);
        assertThat(json.at("/series/0/values/0").asDouble()).isEqualTo(10);
    }
}
