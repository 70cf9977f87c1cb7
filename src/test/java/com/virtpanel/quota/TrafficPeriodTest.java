package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrafficPeriodTest {

    @Test
    void aPeriodRunsFromTheFirstOfTheMonthToTheFirstOfTheNext() {
        var p = TrafficPeriod.containing(Instant.parse("2025-03-31T23:59:59Z"), new QuotaProperties.Traffic(1, ZoneOffset.UTC));
        assertThat(p.start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
    }

    @Test
    void beforeTheResetDayTheAllowanceStillBelongsToThePreviousMonthsPeriod() {
        var config = new QuotaProperties.Traffic(15, ZoneOffset.UTC);
        var p = TrafficPeriod.containing(Instant.parse("2025-01-14T12:00:00Z"), config);
        assertThat(p.start()).isEqualTo(Instant.parse("2024-12-15T00:00:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2025-01-15T00:00:00Z"));
        assertThat(TrafficPeriod.containing(Instant.parse("2025-01-15T00:00:00Z"), config).start()).isEqualTo(p.end());
    }

    @Test
    void thePeriodStartsAtMidnightInTheConfiguredZone() {
        var p = TrafficPeriod.containing(Instant.parse("2025-06-30T22:30:00Z"),
                new QuotaProperties.Traffic(1, ZoneId.of("Europe/Berlin")));
        assertThat(p.start()).isEqualTo(Instant.parse("2025-06-30T22:00:00Z"));
    }
}
