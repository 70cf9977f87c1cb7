package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.base.throttle.RateLimiter;
import com.virtpanel.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
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

    @Test
    void byDefaultATokenWatchesTenServersTwiceASecondForAMinuteAndALoopWithoutPauseIsStopped() {
        MutableClock time = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
        RateLimiter perToken = new RateLimiter(defaults.tokenBurst(), defaults.tokenPerMinute(), time);
        for (int tick = 0; tick < 120; tick++) { // every half second, one GET per server
            for (int server = 0; server < 10; server++) {
                assertThat(perToken.acquire("token")).as("tick %d, server %d", tick, server).isZero();
            }
            time.advance(Duration.ofMillis(500));
        }
        int answered = 0;
        while (perToken.acquire("token") == 0) { // the same client, now in a loop without pause
            answered++;
        }
        assertThat(answered).isLessThanOrEqualTo(defaults.tokenBurst());
    }
}
