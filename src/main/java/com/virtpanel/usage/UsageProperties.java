package com.virtpanel.usage;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.usage.*: how often guests are sampled and how long each resolution is kept.
 *
 * @param interval        time between sampling passes
 * @param rawRetention    how long every sample is kept
 * @param fiveMinRetention how long 5-minute averages and maxima are kept
 * @param hourlyRetention how long hourly averages and maxima are kept (calendar months)
 * @param rollupEvery     how often the rollup and pruning job runs
 */
@ConfigurationProperties("panel.usage")
record UsageProperties(@DefaultValue("10s") Duration interval,
                       @DefaultValue("24h") Duration rawRetention,
                       @DefaultValue("30d") Duration fiveMinRetention,
                       @DefaultValue("13m") Period hourlyRetention,
                       @DefaultValue("5m") Duration rollupEvery) {

    UsageProperties {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("panel.usage.interval must be at least 1s");
        }
    }

    /** Two consecutive samples further apart than this leave a gap instead of a rate. */
    Duration maxGap() {
        return interval.multipliedBy(5).dividedBy(2);
    }
}
