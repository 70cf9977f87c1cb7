package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.testkit.MailIntegrationTest;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.TestSmtp;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The confirmation mail of a sign-up arrives, its link confirms the address, and ordering waits for that. */
@MailIntegrationTest
class EmailVerificationIT {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired EmailVerificationService verification;
    @Autowired ServerOrders servers;

    @BeforeEach
    void smtpUp() {
        TestSmtp.port();
        TestSmtp.start();
    }

    @Test
    void theSignUpMailArrivesAndItsLinkConfirmsTheAddressAfterWhichTheCustomerMayOrder() throws Exception {
        String email = "verify-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var customer = accounts.signUp(email, Users.PASSWORD);

        var mail = TestSmtp.awaitOne(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your email address for Virtpanel");
        assertThat(TestSmtp.html(mail)).contains("<a href=\"http://localhost:" + port + "/verify-email?token=");
        String link = TestSmtp.link(mail);
        assertThat(link).startsWith("http://localhost:" + port + "/verify-email?token=");

        OrderRequest badPlan = new OrderRequest("verify-web", "no-such-plan", "demo", List.of(TestKeys.ED25519), null, null);
        assertThatThrownBy(() -> Users.as(customer, () -> servers.order(badPlan))).isInstanceOf(EmailNotVerifiedException.class);
        assertThat(apiOrder(email).body()).contains("urn:virtpanel:problem:email-not-verified");
        assertThat(apiOrder(email).statusCode()).isEqualTo(403);
        assertThat(Users.as(customer, () -> verification.currentUserUnverified())).isTrue();

        verification.verify(TestSmtp.token(mail));

        assertThat(Users.as(customer, () -> verification.currentUserUnverified())).isFalse();
        // past the check: now the order fails for its own reason (the plan), not the address
        assertThatThrownBy(() -> Users.as(customer, () -> servers.order(badPlan))).isInstanceOf(InvalidInputException.class);
        assertThat(apiOrder(email).statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> verification.verify(TestSmtp.token(mail))).as("single use")
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tenSimultaneousSignUpsEachGetTheirOwnWorkingLink() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            emails.add("verify10-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        }
        Together.run(emails.size(), i -> accounts.signUp(emails.get(i), Users.PASSWORD));
        for (String email : emails) {
            var mail = TestSmtp.awaitOne(email);
            verification.verify(TestSmtp.token(mail));
            var customer = accounts.findByEmail(email).orElseThrow();
            assertThat(Users.as(customer, () -> verification.currentUserUnverified())).isFalse();
            assertThat(TestSmtp.to(email)).hasSize(1);
        }
    }

    /** An order through the API with a plan that does not exist: 403 before the address is confirmed, 400 after. */
    private HttpResponse<String> apiOrder(String email) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        String token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + Users.PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/servers")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"verify-api\",\"plan\":\"no-such-plan\",\"image\":\"demo\","
                        + "\"ssh_keys\":[\"" + TestKeys.ED25519 + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
