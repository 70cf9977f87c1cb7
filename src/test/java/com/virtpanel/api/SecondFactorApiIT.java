package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bastiaanjansen.otp.TOTPGenerator;
import com.virtpanel.account.AccountEvents;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.SecondFactorService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.context.WebApplicationContext;

/** The token exchange of an account with two-factor authentication: POST /api/v1/auth/token with "otp". */
@IntegrationTest
@RecordApplicationEvents
class SecondFactorApiIT {

    @Autowired WebApplicationContext context;
    @Autowired Users users;
    @Autowired SecondFactorService secondFactors;
    @Autowired ApplicationEvents events;
    @Autowired JdbcTemplate jdbc;

    MockApi api;
    AccountSummary customer;
    TOTPGenerator app;
    List<String> recoveryCodes;
    Instant enrolledAt;

    @BeforeEach
    void customerWithAnAuthenticatorApp() {
        api = new MockApi(context);
        customer = users.newCustomer();
        var enrolment = Users.as(customer, () -> secondFactors.startEnrolment());
        app = TOTPGenerator.withDefaultValues(enrolment.secret().getBytes(StandardCharsets.US_ASCII));
        enrolledAt = Instant.now();
        recoveryCodes = Users.as(customer, () -> secondFactors.confirmEnrolment(app.at(enrolledAt)));
    }

    MockApi.Reply token(String otp) {
        return token(Users.PASSWORD, otp);
    }

    MockApi.Reply token(String password, String otp) {
        Map<String, Object> body = new HashMap<>(Map.of("email", customer.email(), "password", password));
        if (otp != null) {
            body.put("otp", otp);
        }
        return api.post("/api/v1/auth/token", null, MockApi.json(body));
    }

    @Test
    void enrollingIsPublishedAndAudited() {
        assertThat(events.stream(AccountEvents.SecondFactorChanged.class))
                .containsExactly(new AccountEvents.SecondFactorChanged(customer.id(), "totp-enabled"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'account.second-factor-changed' "
                + "AND subject_account_id = ?", Long.class, customer.id())).isEqualTo(1);
        assertThat(recoveryCodes).hasSize(10);
    }

    @Test
    void withoutACodeTheAnswerIs401OtpRequired() {
        var reply = token(null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:virtpanel:problem:otp-required");
        assertThat(reply.json().get("detail").asText()).contains("\"otp\"");
        assertThat(token("   ").json().get("type").asText()).endsWith(":otp-required");
    }

    @Test
    void aFreshCodeGivesATokenAndTheSameCodeCannotBeUsedTwice() {
        // The confirmation used the current window's code: it is spent. The next window's code is
        // within the allowed drift and has not been used.
        assertThat(token(app.at(enrolledAt)).status()).isEqualTo(401);
        String next = app.at(enrolledAt.plusSeconds(30));
        var ok = token(next);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("token").asText()).isNotBlank();
        var replay = token(next);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("type").asText()).endsWith(":bad-credentials");
    }

    @Test
    void aWrongCodeIs401AndCountsAsAFailedSignIn() {
        var reply = token(wrongCode());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("type").asText()).endsWith(":bad-credentials");
        assertThat(events.stream(AuthenticationFailureBadCredentialsEvent.class)
                .filter(e -> e.getAuthentication().getName().equals(customer.email()))).hasSize(1);
    }

    @Test
    void wrongCodesAreThrottledLikeWrongPasswords() {
        // panel.sign-in.free-per-account (5) failures are free; the one after them starts the delays.
        for (int i = 0; i < 6; i++) {
            assertThat(token(wrongCode()).status()).isEqualTo(401);
        }
        var held = token(app.at(Instant.now().plusSeconds(30)));
        assertThat(held.status()).as(held.toString()).isEqualTo(429);
        assertThat(held.headers()).containsKey("retry-after");
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        String code = recoveryCodes.get(3).toUpperCase();
        assertThat(token(code).status()).isEqualTo(200);
        assertThat(token(code).status()).isEqualTo(401);
        assertThat(token(recoveryCodes.get(4)).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsStillJustBadCredentialsAndRevealsNothingAboutTheSecondFactor() {
        var reply = token("Wrong-password-42", app.at(Instant.now().plusSeconds(30)));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("type").asText()).endsWith(":bad-credentials");
    }

    @Test
    void accountsWithoutASecondFactorNeedNoCode() {
        var plain = users.newCustomer();
        var reply = api.post("/api/v1/auth/token", null,
                MockApi.json(Map.of("email", plain.email(), "password", Users.PASSWORD)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private String wrongCode() {
        Instant now = Instant.now();
        var valid = List.of(app.at(now.minusSeconds(30)), app.at(now), app.at(now.plusSeconds(30)), app.at(now.plusSeconds(60)));
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", (n * 7919) % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }
}
