package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.WebLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A suspension reaches sessions that are already open, not only the next sign-in. */
@IntegrationTest
class SuspensionSignsOutIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired AccountService accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSuspendedCustomersOpenBrowserSessionIsSignedOutOnItsNextRequest() throws Exception {
        AccountSummary customer = users.newCustomer();
        String session = WebLogin.sessionId(port, customer.email(), Users.PASSWORD);
        assertThat(get("/servers", session).statusCode()).isEqualTo(200);

        Users.as(users.admin(), () -> accounts.suspend(customer.id()));

        HttpResponse<Void> after = get("/servers", session);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    private HttpResponse<Void> get(String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.discarding());
    }
}
