package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiTokenRulesTest {

    final Instant now = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aTokenExpiresAtItsExpiryInstantAndOneWithoutExpiryNever() {
        var expiring = new ApiToken(1, ApiToken.Kind.PERSONAL, "ci", "h", "vp_", now.minus(Duration.ofDays(90)), now);
        assertThat(expiring.expiredAt(now.minusMillis(1))).isFalse();
        assertThat(expiring.expiredAt(now)).isTrue();
        assertThat(expiring.usableAt(now)).isFalse();
        var forever = new ApiToken(1, ApiToken.Kind.PERSONAL, "ci", "h2", "vp_", now, null);
        assertThat(forever.usableAt(now.plus(Duration.ofDays(3650)))).isTrue();
    }

    @Test
    void aRevokedTokenIsNotUsable() {
        var token = new ApiToken(1, ApiToken.Kind.SESSION, "session", "h", "vp_", now, now.plus(Duration.ofHours(1)));
        token.revoke(now);
        assertThat(token.isRevoked()).isTrue();
        assertThat(token.usableAt(now)).isFalse();
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        var token = new ApiToken(1, ApiToken.Kind.PERSONAL, "ci", "h", "vp_", now, null);
        Duration minute = ApiTokenService.LAST_USE_PRECISION;
        assertThat(token.lastUseIsStale(now, minute)).as("never used").isTrue();
        org.springframework.test.util.ReflectionTestUtils.setField(token, "lastUsedAt", now);
        assertThat(token.lastUseIsStale(now.plusSeconds(59), minute)).isFalse();
        assertThat(token.lastUseIsStale(now.plusSeconds(60), minute)).isTrue();
    }

    @Test
    void theAccountPageOffersNinetyDaysUnlessChosenOtherwise() {
        assertThat(TokenLifetime.DEFAULT.duration()).isEqualTo(Duration.ofDays(90));
        assertThat(TokenLifetime.NO_EXPIRY.duration()).isNull();
        assertThat(TokenLifetime.DAYS_365.duration()).isLessThanOrEqualTo(ApiTokenService.LONGEST_LIFETIME);
    }
}
