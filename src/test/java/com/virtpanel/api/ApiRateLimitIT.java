package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.context.WebApplicationContext;

/**
 * The token buckets, with limits lowered so far (a few requests, one more per minute) that
 * the outcome does not depend on how fast this machine answers. A context of its own.
 */
@IntegrationTest
@TestPropertySource(properties = {"panel.api.rate-limit.auth-burst=3", "panel.api.rate-limit.auth-per-minute=1",
        "panel.api.rate-limit.token-burst=4", "panel.api.rate-limit.token-per-minute=1"})
class ApiRateLimitIT {

    @Autowired WebApplicationContext context;
    @Autowired Users users;
    @Autowired ApiTokenService apiTokens;

    MockApi api;

    @BeforeEach
    void api() {
        api = new MockApi(context);
    }

    static String credentials(String email, String password) {
        return MockApi.json(Map.of("email", email, "password", password));
    }

    MockApi.Reply from(String ip, String path, String body) {
        return api.call(HttpMethod.POST, path, null, MockApi.JSON, MockApi.bytes(body), ip, Map.of());
    }

    @Test
    void loginAndSignUpShareABucketPerClientIpAndAnswer429WithRetryAfter() {
        String ip = MockApi.freshIp();
        String wrong = credentials("nobody-" + UUID.randomUUID() + "@example.com", "Wrong-password-1");
        for (int i = 0; i < 3; i++) {
            assertThat(from(ip, "/api/v1/auth/token", wrong).status()).as("attempt %d", i + 1).isEqualTo(401);
        }
        var limited = from(ip, "/api/v1/auth/token", wrong);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 60L);
        assertThat(limited.json().get("detail").asText()).contains("Try again in");

        String newAccount = credentials("rl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", Users.PASSWORD);
        assertThat(from(ip, "/api/v1/accounts", newAccount).status()).isEqualTo(429);
        assertThat(from(MockApi.freshIp(), "/api/v1/accounts", newAccount).status()).isEqualTo(201);
    }

    @Test
    void wrongBearerTokensCountAgainstTheClientIp() {
        String ip = MockApi.freshIp();
        for (int i = 0; i < 3; i++) {
            var reply = api.call(HttpMethod.GET, "/api/v1/plans", "vp_guess" + i, null, null, ip, Map.of());
            assertThat(reply.status()).isEqualTo(401);
        }
        assertThat(api.call(HttpMethod.GET, "/api/v1/plans", "vp_guess", null, null, ip, Map.of()).status()).isEqualTo(429);
    }

    @Test
    void eachTokenHasItsOwnBucket() {
        AccountSummary owner = users.newCustomer();
        String busy = Users.as(owner, () -> apiTokens.createPersonal("busy", null)).token();
        String calm = Users.as(owner, () -> apiTokens.createPersonal("calm", null)).token();
        for (int i = 0; i < 4; i++) {
            assertThat(api.get("/api/v1/images", busy).status()).as("call %d", i + 1).isEqualTo(200);
        }
        var limited = api.get("/api/v1/images", busy);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 60L);
        assertThat(api.get("/api/v1/images", calm).status()).isEqualTo(200);
    }
}
