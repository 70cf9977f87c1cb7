package com.virtpanel.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Consoles open on this panel instance. Prometheus: {@code virtpanel_console_sessions_open}. */
@Component
class ConsoleMetrics {

    ConsoleMetrics(ConsoleSessions sessions, MeterRegistry registry) {
        Gauge.builder("virtpanel.console.sessions.open", sessions, ConsoleSessions::openCount)
                .description("browser consoles open on this panel instance").register(registry);
    }
}
