package com.virtpanel.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.base.security.RememberMe;
import com.virtpanel.base.security.TrackedSessionRegistry;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.WebLogin;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.time.Duration;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the panel relies on from its web server, where Jetty's defaults differ. */
@IntegrationTest
class JettyWebServerIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired TrackedSessionRegistry sessions;
    @Autowired ServletContext servletContext;

    @Test
    void aSessionCookieCarriesItsSessionsIdAndBothSignInCookiesAreHttpOnlyAndSameSiteLax() {
        WebLogin.SignedIn signedIn = WebLogin.signIn(port, users.newCustomer().email(), Users.PASSWORD, true);

        assertThat(sessions.getSessionInformation(signedIn.sessionId())).as("the session the cookie names").isNotNull();
        assertThat(signedIn.response().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=" + signedIn.sessionId() + ";")
                        .contains("HttpOnly").containsIgnoringCase("SameSite=Lax"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(RememberMe.COOKIE + "=")
                        .contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void webSocketsStayOpenWhileNothingIsSent() {
        assertThat(JettyWebSocketServerContainer.getContainer(servletContext).getIdleTimeout()).isEqualTo(Duration.ZERO);
        assertThat(((ServerContainer) servletContext.getAttribute(ServerContainer.class.getName())).getDefaultMaxSessionIdleTimeout())
                .isZero();
    }
}
