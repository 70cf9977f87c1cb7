package com.virtpanel.usage;

import java.time.Duration;

/** The stored resolutions: every sample, 5-minute buckets, hourly buckets. */
public enum Resolution {
    RAW("raw", "usage_raw"),
    FIVE_MINUTES("5m", "usage_5min"),
    HOURLY("1h", "usage_hourly");

    private final String apiName;
    private final String table;

    Resolution(String apiName, String table) {
        this.apiName = apiName;
        this.table = table;
    }

    public String apiName() {
        return apiName;
    }

    String table() {
        return table;
    }

    /** Bucket length; for RAW the sampling interval. */
    Duration step(Duration interval) {
        return switch (this) {
            case RAW -> interval;
            case FIVE_MINUTES -> Duration.ofMinutes(5);
            case HOURLY -> Duration.ofHours(1);
        };
    }
}
