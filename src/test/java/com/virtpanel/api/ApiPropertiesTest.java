package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.base.throttle.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** What the shipped rate limits allow a script or an office behind one address, and what they stop. */
class ApiPropertiesTest {

    final ApiProperties.RateLimit defaults = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("panel.api", ApiProperties.class).rateLimit();

    @Test
    void byDefaultTenCustomersSignUpAndTakeTokensFromOneAddressAtOnceAndAGuesserIsHeldToThePace() {
        Clock frozen = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);
        RateLimiter perIp = new RateLimiter(defaults.authBurst(), defaults.authPerMinute(), frozen);
        for (int i = 0; i < 20; i++) { // ten sign-ups and ten token exchanges in the same instant
            assertThat(perIp.acquire("ip:127.0.0.1")).as("request %d", i).isZero();
        }
        for (int i = 20; i < defaults.authBurst(); i++) {
            perIp.acquire("ip:127.0.0.1");
        }
        assertThat(perIp.acquire("ip:127.0.0.1")).isPositive();
        assertThat(defaults.authPerMinute()).isLessThanOrEqualTo(20);
    }
}
