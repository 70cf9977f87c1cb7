package com.virtpanel.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** One traffic period: from the reset day of a month (midnight in the configured zone) to the next. */
record TrafficPeriod(Instant start, Instant end) {

    static TrafficPeriod containing(Instant at, QuotaProperties.Traffic config) {
        int day = Math.max(1, Math.min(28, config.resetDay()));
        ZoneId zone = config.zone();
        LocalDate today = at.atZone(zone).toLocalDate();
        LocalDate start = today.withDayOfMonth(day);
        if (start.isAfter(today)) {
            start = start.minusMonths(1);
        }
        ZonedDateTime from = start.atStartOfDay(zone);
        return new TrafficPeriod(from.toInstant(), from.plusMonths(1).toInstant());
    }

    boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
