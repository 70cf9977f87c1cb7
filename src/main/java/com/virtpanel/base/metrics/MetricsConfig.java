package com.virtpanel.base.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metrics that belong to no feature module: the job scheduler's. */
@Configuration
class MetricsConfig {

    @Bean
    SchedulerFactoryBeanCustomizer jobMetrics(MeterRegistry registry) {
        return factory -> factory.setGlobalJobListeners(new JobMetrics(registry));
    }
}
