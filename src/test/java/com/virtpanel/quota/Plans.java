package com.virtpanel.quota;

import com.virtpanel.catalog.PlanInfo;
import java.time.Duration;
import java.time.ZoneOffset;

/** Plans and settings for the quota module's unit tests. */
final class Plans {

    private Plans() {
    }

    static PlanInfo nano() {
        return new PlanInfo(1, "nano", "Nano", 1, 256, 2, 50, 512, 200, 20, 250, 100, 1000, 10, null, 300, "EUR", true);
    }

    /** 1 vCPU, cap 100 %, baseline 20 %, 1 GiB traffic. */
    static PlanInfo burst() {
        return new PlanInfo(2, "burst", "Burst", 1, 256, 2, 100, 512, 200, 20, 250, 100, 1, 10, 20, 300, "EUR", true);
    }

    /** Credits cap at one minute of baseline: 12 vCPU-seconds for a 20 % baseline; resume at a quarter. */
    static QuotaProperties config() {
        return new QuotaProperties(Duration.ofSeconds(30), new QuotaProperties.Burst(Duration.ofSeconds(60), 1.0, 0.25, 1.0),
                new QuotaProperties.Traffic(1, ZoneOffset.UTC));
    }
}
