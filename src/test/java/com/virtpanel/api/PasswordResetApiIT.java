package com.virtpanel.api;

import com.virtpanel.testkit.Together;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.MailIntegrationTest;
import com.virtpanel.testkit.TestSmtp;
import com.virtpanel.testkit.Users;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;

/** POST /api/v1/password_reset and …/confirm, against a real SMTP server. */
@MailIntegrationTest
class PasswordResetApiIT {

    /** Customers of the test kit got their sign-up's confirmation mail first. */
    private static final String RESET_LINK = "/reset-password?token=";
    private static final String NEW_PASSWORD = "Quiet-lantern-harbour-7";

    @Autowired WebApplicationContext context;
    @Autowired Users users;
    @Autowired JdbcTemplate jdbc;
    MockApi api;

    @BeforeEach
    void setUp() {
        api = new MockApi(context);
        TestSmtp.port();
        TestSmtp.start();
    }

    @Test
    void askingAnswersTheSameWhetherOrNotTheAddressHasAnAccount() {
        var customer = users.newCustomer();
        var known = api.post("/api/v1/password_reset", null, MockApi.json(Map.of("email", customer.email())));
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var unknown = api.post("/api/v1/password_reset", null, MockApi.json(Map.of("email", nobody)));

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(TestSmtp.link(TestSmtp.awaitWith(customer.email(), RESET_LINK))).contains("/reset-password?token=");
        assertThat(outboxRows(nobody)).isZero();

        var notAnEmail = api.post("/api/v1/password_reset", null, MockApi.json(Map.of("email", "not-an-email")));
        assertThat(notAnEmail.status()).isEqualTo(400);
        assertThat(notAnEmail.json().get("field").asText()).isEqualTo("email");
    }

    @Test
    void askingAgainAndAgainForOneAddressIsThrottledButStillAnswered202() {
        var customer = users.newCustomer();
        for (int i = 0; i < 8; i++) {
            assertThat(api.post("/api/v1/password_reset", null, MockApi.json(Map.of("email", customer.email()))).status())
                    .isEqualTo(202);
        }
        assertThat(outboxRows(customer.email())).isBetween(1, 7);
    }

    @Test
    void tenSimultaneousConfirmationsWithOneLinkSetThePasswordOnceAndEndTheOldTokens() throws Exception {
        var customer = users.newCustomer();
        String credentials = MockApi.json(Map.of("email", customer.email(), "password", Users.PASSWORD));
        String oldToken = api.post("/api/v1/auth/token", null, credentials).json().get("token").asText();
        assertThat(api.get("/api/v1/servers", oldToken).status()).isEqualTo(200);

        api.post("/api/v1/password_reset", null, MockApi.json(Map.of("email", customer.email())));
        String token = TestSmtp.token(TestSmtp.awaitWith(customer.email(), RESET_LINK));

        var weak = api.post("/api/v1/password_reset/confirm", null, MockApi.json(Map.of("token", token, "password", "short")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("field").asText()).as("a weak password leaves the link usable").isEqualTo("password");
        var forged = api.post("/api/v1/password_reset/confirm", null,
                MockApi.json(Map.of("token", "A".repeat(43), "password", NEW_PASSWORD)));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.isProblem()).isTrue();
        assertThat(forged.json().get("field").asText()).isEqualTo("token");

        List<Integer> statuses = Together.run(10, i -> api.post("/api/v1/password_reset/confirm", null,
                MockApi.json(Map.of("token", token, "password", NEW_PASSWORD))).status());
        assertThat(statuses).containsOnly(204, 400);
        assertThat(statuses.stream().filter(s -> s == 204).count()).isEqualTo(1);

        assertThat(api.get("/api/v1/servers", oldToken).status()).as("tokens end with the reset").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", null, credentials).status()).as("the old password").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", null,
                MockApi.json(Map.of("email", customer.email(), "password", NEW_PASSWORD))).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'account.password-reset' AND subject_account_id = ?",
                Integer.class, customer.id())).isEqualTo(1);
    }

    private int outboxRows(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, email);
    }
}
