package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenInfo;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.context.WebApplicationContext;

/** Sign-up, tokens, the 401/429 answers, the OpenAPI description and unknown routes. */
@IntegrationTest
@RecordApplicationEvents
class ApiAuthIT {

    @Autowired WebApplicationContext context;
    @Autowired Users users;
    @Autowired AccountService accounts;
    @Autowired ApiTokenService apiTokens;
    @Autowired ApplicationEvents events;
    @LocalServerPort int port;

    MockApi api;

    @BeforeEach
    void api() {
        api = new MockApi(context);
    }

    static String newEmail() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String credentials(String email, String password) {
        return MockApi.json(Map.of("email", email, "password", password));
    }

    @Test
    void signingUpAnswers201WithTheAccountAnd409ForATakenEmail() {
        String email = newEmail();
        var created = api.post("/api/v1/accounts", null, credentials(email.toUpperCase(), Users.PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("id").asLong()).isPositive();
        assertThat(created.json().get("email").asText()).isEqualTo(email);
        assertThat(created.json().size()).isEqualTo(2);

        var again = api.post("/api/v1/accounts", null, credentials(email, Users.PASSWORD));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("detail").asText()).contains("already exists");
    }

    @Test
    void invalidSignUpsAre400AndNameTheField() {
        var badEmail = api.post("/api/v1/accounts", null, credentials("not-an-email", Users.PASSWORD));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.isProblem()).isTrue();
        assertThat(badEmail.json().get("field").asText()).isEqualTo("email");

        var weak = api.post("/api/v1/accounts", null, credentials(newEmail(), "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("field").asText()).isEqualTo("password");
        assertThat(weak.json().get("detail").asText()).contains("at least 10 characters");
    }

    @Test
    void emailAndPasswordBuyATokenThatOpensTheApiForAnHour() {
        String email = newEmail();
        api.post("/api/v1/accounts", null, credentials(email, Users.PASSWORD));
        var issued = api.post("/api/v1/auth/token", null, credentials(email, Users.PASSWORD));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String token = issued.json().get("token").asText();
        assertThat(token).startsWith("vp_");
        Instant expires = Instant.parse(issued.json().get("expires_at").asText());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(65)));

        var servers = api.get("/api/v1/servers", token);
        assertThat(servers.status()).isEqualTo(200);
        assertThat(servers.json().isArray()).isTrue();
        assertThat(servers.json()).isEmpty();
    }

    @Test
    void aWrongPasswordIs401AndPublishedAsAFailedLoginWithTheClientIp() {
        String email = newEmail();
        api.post("/api/v1/accounts", null, credentials(email, Users.PASSWORD));
        String ip = MockApi.freshIp();
        var refused = api.call(HttpMethod.POST, "/api/v1/auth/token", null, MockApi.JSON,
                MockApi.bytes(credentials(email, "Wrong-password-1")), ip, Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.headers().get("www-authenticate")).startsWith("Bearer");
        assertThat(refused.body()).doesNotContain("Wrong-password-1");

        var unknown = api.post("/api/v1/auth/token", null, credentials("nobody-" + email, Users.PASSWORD));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail").asText()).isEqualTo(refused.json().get("detail").asText());

        assertThat(events.stream(AuthenticationFailureBadCredentialsEvent.class))
                .anySatisfy(e -> {
                    assertThat(e.getAuthentication().getName()).isEqualTo(email);
                    assertThat(e.getAuthentication().getDetails()).isInstanceOfSatisfying(WebAuthenticationDetails.class,
                            d -> assertThat(d.getRemoteAddress()).isEqualTo(ip));
                })
                .anySatisfy(e -> assertThat(e.getAuthentication().getName()).isEqualTo("nobody-" + email));
    }

    @Test
    void callsWithoutAValidTokenAre401WithABearerChallenge() {
        var none = api.get("/api/v1/servers", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();
        assertThat(none.headers().get("www-authenticate")).startsWith("Bearer");

        var forged = api.get("/api/v1/servers", "vp_" + "0".repeat(64));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.headers().get("www-authenticate")).contains("error=\"invalid_token\"");

        var basic = api.call(HttpMethod.GET, "/api/v1/plans", null, null, null, MockApi.freshIp(),
                Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.isProblem()).isTrue();
    }

    @Test
    void aPersonalTokenWorksRecordsItsLastUseAndStopsWhenRevoked() {
        AccountSummary owner = users.newCustomer();
        var issued = Users.as(owner, () -> apiTokens.createPersonal("ci", null));
        var plans = api.get("/api/v1/plans", issued.token());
        assertThat(plans.status()).isEqualTo(200);

        ApiTokenInfo info = Users.as(owner, () -> apiTokens.mine()).stream().filter(t -> t.id() == issued.id()).findFirst().orElseThrow();
        assertThat(info.lastUsedAt()).isNotNull();
        assertThat(info.prefix()).isEqualTo(issued.token().substring(0, 10));

        Users.as(owner, () -> apiTokens.revoke(issued.id()));
        assertThat(api.get("/api/v1/plans", issued.token()).status()).isEqualTo(401);
    }

    @Test
    void aSuspendedAccountGetsNoTokenAndItsTokensStopWorking() {
        String email = newEmail();
        long id = api.post("/api/v1/accounts", null, credentials(email, Users.PASSWORD)).json().get("id").asLong();
        String token = api.post("/api/v1/auth/token", null, credentials(email, Users.PASSWORD)).json().get("token").asText();
        assertThat(api.get("/api/v1/servers", token).status()).isEqualTo(200);

        Users.as(users.admin(), () -> accounts.suspend(id));

        assertThat(api.get("/api/v1/servers", token).status()).isEqualTo(401);
        var refused = api.post("/api/v1/auth/token", null, credentials(email, Users.PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("suspended");
    }

    @Test
    void theOpenApiDescriptionIsServedWithoutAToken() {
        var reply = api.get("/api/v1/openapi.json", null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode doc = reply.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/v1/accounts", "/api/v1/auth/token",
                "/api/v1/plans", "/api/v1/images", "/api/v1/servers", "/api/v1/servers/{id}",
                "/api/v1/servers/{id}/actions/{action}", "/api/v1/servers/{id}/actions/reinstall",
                "/api/v1/servers/{id}/metrics", "/api/v1/servers/{id}/console");
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.toString()).contains("\"created_at\"", "\"ssh_keys\"", "\"cpu_cap_percent\"", "\"expires_at\"");
        assertThat(doc.get("components").get("securitySchemes").get("bearer").get("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405InProblemJson() {
        String token = Users.as(users.newCustomer(), () -> apiTokens.createPersonal("routes", null)).token();
        var missing = api.get("/api/v1/nothing-here", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();

        var wrongMethod = api.call(HttpMethod.DELETE, "/api/v1/plans", token, null, null, MockApi.freshIp(), Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.isProblem()).isTrue();
        assertThat(wrongMethod.headers().get("allow")).isEqualTo("GET");

        var anonymous = api.get("/api/v2/servers", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
    }

    @Test
    void theUiStillSignsInThroughItsOwnChain() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        var servers = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/servers")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(servers.statusCode()).isIn(302, 303);
        assertThat(servers.headers().firstValue("location").orElse("")).contains("/login");
    }
}
