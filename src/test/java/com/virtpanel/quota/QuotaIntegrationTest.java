package com.virtpanel.quota;

import com.virtpanel.testkit.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole panel with a quick reconciler (every 3 s) and burst credits that last seconds,
 * not hours: at most what the baseline earns in two minutes (6 vCPU-seconds for a 5 %
 * baseline), back to the full cap at half of that; a new server starts with twice the
 * maximum, so that its boot under TCG does not leave it throttled. One set of properties
 * for every quota test class, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        "panel.quota.reconcile-interval=3s",
        "panel.quota.burst.max-accrual=120s",
        "panel.quota.burst.resume-fraction=0.5",
        "panel.quota.burst.initial-fraction=2.0"})
@interface QuotaIntegrationTest {
}
