package com.virtpanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.WebLogin;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** The shell of the panel: health with libvirt, the login page, guarded pages, navigation by role. */
@IntegrationTest
class PanelShellIT {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Users users;

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsLibvirtUpWithTheHypervisorNameAndVersionToAnAdmin() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.add(org.springframework.http.HttpHeaders.COOKIE, "JSESSIONID=" + WebLogin.sessionId(port, users.newStaff(com.virtpanel.account.Role.ADMIN).email(), Users.PASSWORD));
        var response = http.exchange("/actuator/health", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var libvirt = (Map<String, Object>) ((Map<String, Object>) response.getBody().get("components")).get("libvirt");
        assertThat(libvirt.get("status")).isEqualTo("UP");
        var details = (Map<String, Object>) libvirt.get("details");
        assertThat(details.get("hypervisor")).isEqualTo("QEMU");
        assertThat((String) details.get("version")).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthTellsAnyoneTheStatusButNoDetails() {
        var response = http.getForEntity("/actuator/health", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsOnlyKeys("status");
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndTheSessionCookieIsSameSiteLax() {
        var login = http.getForEntity("/login", String.class);
        assertThat(login.getHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "connect-src 'self' ws: wss:", "frame-ancestors 'none'");
        assertThat(login.getHeaders().get("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theLoginPageSaysHowLongToWaitWhenASignInWasHeldBack() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/login?wait=42");
            var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
            Object message = browser.waitFor(d -> js.executeScript("const f = document.querySelector('vaadin-login-form');"
                    + " return f && f.error && f.i18n ? f.i18n.errorMessage.message : null;"));
            assertThat(message).isEqualTo("Too many attempts, try again in 42 seconds.");
        }
    }

    @Test
    void theLoginPageIsPublicAndEverythingElseAsksForALogin() throws Exception {
        assertThat(http.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/signup", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        var noRedirects = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var servers = noRedirects.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/servers")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(servers.statusCode()).isEqualTo(302);
        assertThat(servers.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aCustomerSeesTheirMenuAndAnEmptyServerListButNoStaffPages() {
        var customer = users.newCustomer();
        try (Browser browser = Browser.open(port)) {
            browser.signIn(customer.email(), Users.PASSWORD);
            browser.go("/servers");
            assertThat(browser.driver().getPageSource()).contains("You have no servers yet");
            String nav = browser.waitFor(org.openqa.selenium.By.tagName("vaadin-side-nav")).getText();
            assertThat(nav).contains("My servers", "Order a server", "Account").doesNotContain("Audit", "Customers", "Plans");
            browser.screenshot("shell-customer");
        }
    }
}
