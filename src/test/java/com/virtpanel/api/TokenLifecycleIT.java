package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenInfo;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.IssuedToken;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;

/** Token expiry, last use and revocation as API clients see them. */
@IntegrationTest
class TokenLifecycleIT {

    @Autowired WebApplicationContext context;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate jdbc;

    MockApi api;

    @BeforeEach
    void api() {
        api = new MockApi(context);
    }

    @Test
    void anExpiredTokenIsRefusedWithA401ThatSaysItExpired() {
        AccountSummary owner = users.newCustomer();
        IssuedToken personal = Users.as(owner, () -> tokens.createPersonal("ci", Duration.ofDays(30)));
        assertThat(personal.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        assertThat(api.get("/api/v1/servers", personal.token()).status()).isEqualTo(200);

        expire(personal.id());
        var refused = api.get("/api/v1/servers", personal.token());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:virtpanel:problem:token-expired");
        assertThat(refused.json().get("detail").asText()).contains("expired at");
        assertThat(refused.headers().get("www-authenticate")).contains("error=\"invalid_token\"");

        IssuedToken session = tokens.issueSessionToken(owner.id());
        expire(session.id());
        assertThat(api.get("/api/v1/plans", session.token()).json().get("type").asText())
                .isEqualTo("urn:virtpanel:problem:token-expired");
    }

    @Test
    void aRevokedTokenIsRefusedWithA401ThatSaysSo() {
        AccountSummary owner = users.newCustomer();
        IssuedToken personal = Users.as(owner, () -> tokens.createPersonal("ci", null));
        Users.as(owner, () -> tokens.revoke(personal.id()));
        var refused = api.get("/api/v1/servers", personal.token());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:virtpanel:problem:token-revoked");
    }

    @Test
    void lastUseIsShownAndWrittenAtMostOnceAMinute() {
        AccountSummary owner = users.newCustomer();
        IssuedToken personal = Users.as(owner, () -> tokens.createPersonal("ci", Duration.ofDays(90)));
        assertThat(info(owner, personal).lastUsedAt()).isNull();

        api.get("/api/v1/plans", personal.token());
        Instant first = info(owner, personal).lastUsedAt();
        assertThat(first).isNotNull();
        api.get("/api/v1/plans", personal.token());
        assertThat(info(owner, personal).lastUsedAt()).as("a second call within the minute writes nothing").isEqualTo(first);

        Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2));
        jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", Timestamp.from(twoMinutesAgo), personal.id());
        api.get("/api/v1/plans", personal.token());
        assertThat(info(owner, personal).lastUsedAt()).isAfter(twoMinutesAgo.plus(Duration.ofMinutes(1)));
    }

    @Test
    void theHourLongSignInTokensAreListedAndRevocable() {
        AccountSummary owner = users.newCustomer();
        IssuedToken session = tokens.issueSessionToken(owner.id());
        List<ApiTokenInfo> listed = Users.as(owner, () -> tokens.mySessionTokens());
        assertThat(listed).extracting(ApiTokenInfo::id).containsExactly(session.id());

        Users.as(owner, () -> tokens.revoke(session.id()));

        assertThat(Users.as(owner, () -> tokens.mySessionTokens())).isEmpty();
        assertThat(api.get("/api/v1/plans", session.token()).status()).isEqualTo(401);
    }

    /**
     * Ten clients call at once with one token while its owner revokes it: nothing fails with a 500,
     * and every call that starts after the revocation returned is refused.
     */
    @Test
    void tenSimultaneousCallsWhileTheTokenIsRevokedAreServedOrRefusedNeverBroken() throws Exception {
        AccountSummary owner = users.newCustomer();
        IssuedToken token = Users.as(owner, () -> tokens.createPersonal("busy", null));
        record Call(long startedAt, int status) {
        }
        var calls = new ConcurrentLinkedQueue<Call>();
        var someServed = new CountDownLatch(20);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            var start = new CountDownLatch(1);
            List<Future<?>> clients = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                clients.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < 10; n++) {
                        long at = System.nanoTime();
                        int status = api.call(HttpMethod.GET, "/api/v1/servers", token.token(), null, null, MockApi.freshIp(),
                                java.util.Map.of()).status();
                        calls.add(new Call(at, status));
                        someServed.countDown();
                    }
                    return null;
                }));
            }
            start.countDown();
            assertThat(someServed.await(60, TimeUnit.SECONDS)).isTrue();
            Users.as(owner, () -> tokens.revoke(token.id()));
            long revokedAt = System.nanoTime();
            for (Future<?> client : clients) {
                client.get(120, TimeUnit.SECONDS);
            }

            assertThat(calls).hasSize(100);
            assertThat(calls).extracting(Call::status).as("only served or refused").containsOnly(200, 401)
                    .contains(200);
            assertThat(calls).filteredOn(c -> c.startedAt() > revokedAt).extracting(Call::status)
                    .as("calls after the revocation").containsOnly(401);
        } finally {
            pool.shutdownNow();
        }

        // And ten more at once, all after it: all refused, all with the same clear answer.
        for (MockApi.Reply reply : Together.run(10, i -> api.call(HttpMethod.GET, "/api/v1/servers", token.token(), null, null,
                MockApi.freshIp(), java.util.Map.of()))) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("type").asText()).isEqualTo("urn:virtpanel:problem:token-revoked");
        }
    }

    private ApiTokenInfo info(AccountSummary owner, IssuedToken token) {
        return Users.as(owner, () -> tokens.mine()).stream().filter(t -> t.id() == token.id()).findFirst().orElseThrow();
    }

    private void expire(long tokenId) {
        jdbc.update("UPDATE api_token SET expires_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(60)), tokenId);
    }
}
