package com.virtpanel.testkit;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Hands this JVM's PowerDNS ({@link TestPowerDns}, started here for the first context) and {@link TestHost}'s id and network to application-test.yml ({@code testhost.id},
 * {@code testhost.cidr}: names no environment variable maps to, as VP_TEST_ID would to vp.test.id).
 */
public class TestHostProperties implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("vp-test-host",
                Map.of("testhost.id", TestHost.ID, "testhost.cidr", TestHost.CIDR)));
        // a panel process a test starts is handed the test JVM's PowerDNS, as hosts share one in production
        if (!org.springframework.util.StringUtils.hasText(environment.getProperty("panel.dns.api-url")) && TestPowerDns.ensureStarted()) {
            environment.getPropertySources().addFirst(new MapPropertySource("vp-test-powerdns",
                    Map.of("panel.dns.api-url", TestPowerDns.apiUrl(), "panel.dns.api-key", TestPowerDns.apiKey())));
        }
    }
}
